-- The EA11 target countries of seed 004 in the selection, each target evaluated as a rule over the UNCT
-- engagement data (reference table target_kind states the rules in words): the matching UNCT activities over the
-- baseline years and over the current years, and whether the target is met.
--   integrate_recommendations: a UNCT follow-up plan, joint programme or recommendations in the UNDAF in the
--     current years; undaf_mainstreaming: recommendations integrated in the UNDAF in the current years;
--     unct_engagement: any UNCT engagement activity in the current years. The same rule over the baseline
--     years gives met_at_baseline.
-- `source` is the target's (the seed); `status_source` lists the sources of the rows the status is read from.
-- Parameters: $region, $countries, $target_ea (country selection); $base_from, $base_to (baseline years);
-- $now_from, $now_to (current years); $met ('yes', 'no', or null for every target).
-- Grain: one row per EA11 target (country × target kind).
with targets as (  -- the EA11 targets among the selected countries, with country names and labels (schema macro)
    select * from ea_targets('EA11', $region, $countries::varchar[], $target_ea)
),
activities as (
    select
        t.country_iso3, t.target_kind,
        count(u.id) filter (where u.year between $base_from and $base_to) as base_n,
        count(u.id) filter (where u.year between $now_from and $now_to) as now_n,
        array_to_string(list_sort(list_distinct(
            list(u.activity) filter (where u.year between $now_from and $now_to))), ', ') as now_activities,
        array_to_string(list_sort(list_distinct(
            list(u.source) filter (where u.year between $base_from and $now_to))), ', ') as status_source
    from targets t
    left join unct_engagement u
        on u.country_iso3 = t.country_iso3
       and case t.target_kind
               when 'integrate_recommendations'
                   then u.activity in ('follow-up plan', 'joint programme', 'recommendations in UNDAF')
               when 'undaf_mainstreaming' then u.activity = 'recommendations in UNDAF'
               else true end
    group by t.country_iso3, t.target_kind
),
final as (
    select
        t.country,
        t.country_iso3 as iso3,
        t.target,
        case when a.now_n > 0 then 'yes' else 'no' end as met,
        a.base_n || ' in ' || $base_from || '–' || $base_to || '; ' || a.now_n || ' in ' || $now_from || '–'
            || $now_to || coalesce(' (' || a.now_activities || ')', '') as detail,
        a.base_n::double as baseline_value,
        a.now_n::double as now_value,
        case when a.base_n > 0 then 'yes' else 'no' end as met_at_baseline,
        t.measure,
        t.target_kind, t.ohchr_region, t.name_in_seed, t.sentence, t.source,
        coalesce(a.status_source, 'no unct_engagement rows') as status_source
    from targets t
    join activities a on a.country_iso3 = t.country_iso3 and a.target_kind = t.target_kind
    where $met is null or (case when a.now_n > 0 then 'yes' else 'no' end) = $met
    order by t.rule_order, t.country
)
select * from final
