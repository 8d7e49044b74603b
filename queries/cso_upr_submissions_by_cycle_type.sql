-- Stakeholder submissions to the UPR per review cycle and submitter type, for the selected countries, over the
-- reviews held in the selected years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per UPR cycle × submitter type with at least one submission.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select s.cycle, s.submitter_type, sum(s.count)::bigint as submissions, count(distinct s.country_iso3) as countries
    from stakeholder_submission s
    join sel on sel.iso3 = s.country_iso3
    where s.mechanism = 'UPR' and s.year between $year_from and $year_to and s.count > 0
    group by s.cycle, s.submitter_type
)
select * from final order by cycle, submitter_type
