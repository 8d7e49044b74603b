-- The EA7 target countries of seed 004 in the selection, each target evaluated as a rule over the data
-- (reference table target_kind states the rule in words): stakeholder submissions over the baseline years and over
-- the current years, and whether the target is met.
--   civil_society_engagement: more stakeholder submissions (UPR and treaty bodies, all submitter types) in the
--     current years than in the baseline years; the detail gives the distinct submitter types too.
-- `source` is the target's (the seed); `status_source` lists the sources of the rows the status is read from.
-- Parameters: $region, $countries, $target_ea (country selection); $base_from, $base_to (baseline years);
-- $now_from, $now_to (current years); $met ('yes', 'no', or null for every target).
-- Grain: one row per EA7 target (country × target kind).
with targets as (  -- the EA7 targets among the selected countries, with country names and labels (schema macro)
    select * from ea_targets('EA7', $region, $countries::varchar[], $target_ea)
),
submissions as (
    select
        t.country_iso3,
        coalesce(sum(s.count) filter (where s.year between $base_from and $base_to), 0)::double as baseline_value,
        coalesce(sum(s.count) filter (where s.year between $now_from and $now_to), 0)::double as now_value,
        len(list_distinct(
            list(s.submitter_type) filter (where s.year between $base_from and $base_to and s.count > 0)))
            as base_types,
        len(list_distinct(
            list(s.submitter_type) filter (where s.year between $now_from and $now_to and s.count > 0)))
            as now_types,
        array_to_string(list_sort(list_distinct(
            list(s.source) filter (where s.year between $base_from and $now_to))), ', ') as status_source
    from targets t
    left join stakeholder_submission s on s.country_iso3 = t.country_iso3
    where t.target_kind = 'civil_society_engagement'
    group by t.country_iso3
),
evaluated as (
    select
        country_iso3,
        'civil_society_engagement' as target_kind,
        'stakeholder submissions' as measure,
        baseline_value,
        now_value,
        base_types,
        now_types,
        case when now_value > baseline_value then 'yes' else 'no' end as met,
        baseline_value::bigint || ' submissions (' || base_types || ' submitter types) in ' || $base_from || '–'
            || $base_to || '; ' || now_value::bigint || ' (' || now_types || ' types) in ' || $now_from || '–'
            || $now_to as detail,
        coalesce(status_source, 'no stakeholder_submission rows') as status_source
    from submissions
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
        e.base_types as baseline_submitter_types,
        e.now_types as now_submitter_types,
        'n/a' as met_at_baseline,
        e.measure,
        t.target_kind, t.ohchr_region, t.name_in_seed, t.sentence, t.source,
        e.status_source
    from targets t
    join evaluated e on e.country_iso3 = t.country_iso3 and e.target_kind = t.target_kind
    where $met is null or e.met = $met
    order by t.country
)
select * from final
