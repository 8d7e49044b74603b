-- Stakeholder submissions to the UPR and the treaty bodies per year and submitter type, for the selected
-- countries and years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per year × mechanism × submitter type with at least one submission.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select s.year, s.mechanism, s.submitter_type, sum(s.count)::bigint as submissions,
           count(distinct s.country_iso3) as countries
    from stakeholder_submission s
    join sel on sel.iso3 = s.country_iso3
    where s.year between $year_from and $year_to and s.count > 0
    group by s.year, s.mechanism, s.submitter_type
)
select * from final order by year, mechanism, submitter_type
