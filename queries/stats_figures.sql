-- The global figures the seeds state, computed from the data. No parameters. Grain: one row.
with visits_2013 as (
    select * from sp_visit where status = 'completed' and year(start_date) = 2013
),
comms_2013 as (
    select * from sp_communication where year(sent_date) = 2013
),
final as (
    select
        (select count(*) from visits_2013) as sp_visits_2013,
        (select count(distinct country_iso3) from visits_2013) as sp_visit_countries_2013,
        (select count(*) from comms_2013) as sp_communications_2013,
        (select count(distinct country_iso3) from comms_2013) as sp_communication_states_2013,
        (select avg(joint::int) from comms_2013) as sp_joint_share_2013,
        (select count(distinct country_iso3) from upr_review where cycle = 1) as upr_cycle1_states,
        (select count(*) from hra_deployment
         where start_date <= date '2011-06-30' and (end_date is null or end_date >= date '2011-06-30'))
            as hra_deployed_2011_06_30
)
select * from final
