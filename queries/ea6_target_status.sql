-- The EA6 target countries of seed 004 in the selection, each target evaluated as a rule over the data
-- (reference table target_kind states the rules in words): the measure over the baseline years and over the current
-- years, and whether the target is met.
--   standing_coordination_body: a national mechanism for reporting and follow-up established by the end of the
--     years (met_at_baseline: by the end of the baseline years).
--   national_action_plan: no table holds national human rights action plans: always 'no data'.
--   timely_reporting: share of the treaty-body reports due in the years that were submitted by their due date;
--     met when it is 100% or higher than in the baseline years; 'no data' when no report was due.
--   sp_engagement: a standing invitation issued after the baseline years, or a higher share of visit requests
--     accepted, or a higher share of communications replied to, than in the baseline years: the schema's table
--     macro sp_engagement_status, which the Special Procedures page (sp_engagement_targets.sql) reads too.
-- `source` is the target's (the seed); `status_source` lists the sources of the rows the status is read from.
-- Parameters: $region, $countries, $target_ea (country selection); $base_from, $base_to (baseline years);
-- $now_from, $now_to (current years); $met ('yes', 'no', 'no data', or null for every target).
-- Only the rows of the baseline and current years are joined: the rest cannot count (and would cost time).
-- Grain: one row per EA6 target (country × target kind).
with targets as (  -- the EA6 targets among the selected countries, with country names and labels (schema macro)
    select * from ea_targets('EA6', $region, $countries::varchar[], $target_ea)
),
-- standing_coordination_body ------------------------------------------------------------------
nmrf as (
    select
        t.country_iso3, t.target_kind,
        'national mechanism for reporting and follow-up' as measure,
        coalesce(m.established <= make_date($base_to, 12, 31), false)::integer::double as baseline_value,
        coalesce(m.established <= make_date($now_to, 12, 31), false)::integer::double as now_value,
        case when m.established <= make_date($base_to, 12, 31) then 'yes' else 'no' end as met_at_baseline,
        case when m.established <= make_date($now_to, 12, 31) then 'yes' else 'no' end as met,
        case when m.established <= make_date($now_to, 12, 31)
             then 'established ' || strftime(m.established, '%Y-%m-%d') || ' (' || m.type
                  || case when m.nhri_participation then '; NHRI takes part' else '' end
                  || case when m.cso_participation then '; civil society takes part' else '' end || ')'
             when m.established is not null
             then 'established ' || strftime(m.established, '%Y-%m-%d') || ', after ' || $now_to
             else 'no national mechanism in the data' end as detail,
        coalesce(m.source, 'no national_mechanism row') as status_source
    from targets t
    left join national_mechanism m on m.country_iso3 = t.country_iso3
    where t.target_kind = 'standing_coordination_body'
),
-- national_action_plan -------------------------------------------------------------------------
nap as (
    select
        t.country_iso3, t.target_kind,
        'national human rights action plan' as measure,
        null::double as baseline_value, null::double as now_value,
        'no data' as met_at_baseline, 'no data' as met,
        'no data: the data model has no table of national human rights action plans' as detail,
        'none' as status_source
    from targets t
    where t.target_kind = 'national_action_plan'
),
-- timely_reporting -----------------------------------------------------------------------------
reports as (
    select
        t.country_iso3,
        count(r.id) filter (where year(r.due_date) between $base_from and $base_to) as base_due,
        count(r.id) filter (where year(r.due_date) between $base_from and $base_to
                             and r.submitted_date <= r.due_date) as base_on_time,
        count(r.id) filter (where year(r.due_date) between $now_from and $now_to) as now_due,
        count(r.id) filter (where year(r.due_date) between $now_from and $now_to
                             and r.submitted_date <= r.due_date) as now_on_time,
        array_to_string(list_sort(list_distinct(
            list(r.source) filter (where year(r.due_date) between $base_from and $now_to))), ', ') as status_source
    from targets t
    left join tb_report r on r.country_iso3 = t.country_iso3
        and year(r.due_date) between least($base_from, $now_from) and greatest($base_to, $now_to)
    where t.target_kind = 'timely_reporting'
    group by t.country_iso3
),
timely as (
    select
        r.country_iso3, 'timely_reporting' as target_kind,
        'share of treaty-body reports due that were submitted on time (the data have no UPR report dates)' as measure,
        100.0 * base_on_time / nullif(base_due, 0) as baseline_value,
        100.0 * now_on_time / nullif(now_due, 0) as now_value,
        'n/a' as met_at_baseline,
        case when now_due = 0 then 'no data'
             when now_on_time = now_due then 'yes'
             when base_due = 0 then 'no data'
             when now_on_time::double / now_due > base_on_time::double / base_due then 'yes'
             else 'no' end as met,
        base_on_time || ' of ' || base_due || ' on time in ' || $base_from || '–' || $base_to || '; '
            || now_on_time || ' of ' || now_due || ' in ' || $now_from || '–' || $now_to as detail,
        coalesce(r.status_source, 'no tb_report rows') as status_source
    from reports r
),
-- sp_engagement --------------------------------------------------------------------------------
sp as (  -- the measure both pages show: the schema's table macro sp_engagement_status
    select * from sp_engagement_status($region, $countries::varchar[], $target_ea, $base_from, $base_to,
                                       $now_from, $now_to)
),
sp_engagement as (
    select
        country_iso3, 'sp_engagement' as target_kind,
        'share of communications replied to (with standing invitation and visit acceptance)' as measure,
        base_reply as baseline_value,
        now_reply as now_value,
        'n/a' as met_at_baseline,
        met,
        'standing invitation: ' || coalesce(strftime(invited, '%Y-%m-%d'), 'none')
            || case when newly_invited then ' (issued after the baseline)' else '' end
            || '; visit requests accepted: ' || coalesce(printf('%.0f%%', base_acceptance), 'n/a')
            || ' → ' || coalesce(printf('%.0f%%', now_acceptance), 'n/a')
            || '; communications replied to: ' || coalesce(printf('%.0f%%', base_reply), 'n/a')
            || ' → ' || coalesce(printf('%.0f%%', now_reply), 'n/a') as detail,
        coalesce(nullif(array_to_string(sources, ', '), ''), 'no rows') as status_source
    from sp
),
evaluated as (
    select * from nmrf
    union all by name select * from nap
    union all by name select * from timely
    union all by name select * from sp_engagement
),
final as (
    select
        t.country,
        t.country_iso3 as iso3,
        t.target,
        e.met,
        e.detail,
        e.baseline_value,
        e.now_value,
        e.met_at_baseline,
        e.measure,
        t.target_kind, t.ohchr_region, t.name_in_seed, t.sentence, t.source,
        e.status_source
    from targets t
    join evaluated e on e.country_iso3 = t.country_iso3 and e.target_kind = t.target_kind
    where $met is null or e.met = $met
    order by t.rule_order, t.country
)
select * from final
