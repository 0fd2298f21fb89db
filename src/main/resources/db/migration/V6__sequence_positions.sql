-- A delivery's place in its sequence comes from the database, not from its id: ids carry the wall clock
-- of the JVM that made them, and two instances whose clocks differ would otherwise put a resolve before
-- its trigger. The position is nextval at insert time. A resolve is only written after the transaction
-- that queued its trigger has committed (it needs the open incident that transaction opened), so its
-- nextval is taken later and is larger; triggers of one destination written concurrently have no causal
-- order to keep. Keep the sequence's cache at 1 (PostgreSQL's default): with a per-session cache, two
-- connections would hand out positions out of order. (H2's cache only preallocates in its one process.)
create sequence delivery_position;
alter table deliveries add column seq_position bigint;
-- Deliveries already queued keep their relative order: negative positions in id order (-n .. -1), all
-- before the sequence's first value, so no setval is needed (H2 has none).
merge into deliveries d
using (select id, row_number() over (order by id) - count(*) over () - 1 as pos from deliveries) o
on d.id = o.id
when matched then update set seq_position = o.pos;
alter table deliveries alter column seq_position set not null;
alter table deliveries alter column seq_position set default nextval('delivery_position');
drop index deliveries_sequence;
create index deliveries_sequence on deliveries (sequence_key, seq_position);
