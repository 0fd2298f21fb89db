-- PostgreSQL only (db/vendor/postgresql): delivery_position keeps PostgreSQL's cache of 1, said here because H2's
-- migration of the same version raises its own. In PostgreSQL a cache is per connection: each would take a range
-- of its own, and a later insert on one connection could get a lower position than an earlier insert on another,
-- while positions must follow insert order across connections and instances (docs/architecture.md, "In order").
alter sequence delivery_position cache 1;
