-- channels_revision becomes routing_revision: it now also counts writes to the organization's maintenance windows, so
-- routing keeps both its channels and its windows in memory while it is unchanged (channel.RoutingRevision).
-- PostgreSQL's spelling of the rename; db/vendor/h2 has H2's.
alter table organizations rename column channels_revision to routing_revision;
