-- Stakeholder submissions per country, mechanism and review (UPR cycle, or year for the treaty bodies), by
-- submitter type, with the number of distinct submitter types (diversity), for the selected countries and years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per country × mechanism × year (a UPR review belongs to one cycle; cycle is null for the
-- treaty bodies).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
rows_in_view as (
    select s.*
    from stakeholder_submission s
    join sel on sel.iso3 = s.country_iso3
    where s.year between $year_from and $year_to
),
final as (
    select
        c.name as country,
        c.iso3,
        c.ohchr_region,
        r.mechanism,
        max(r.cycle) as cycle,
        r.year,
        coalesce(sum(r.count) filter (where r.submitter_type = 'NHRI'), 0)::bigint as nhri,
        coalesce(sum(r.count) filter (where r.submitter_type = 'national NGO'), 0)::bigint as national_ngo,
        coalesce(sum(r.count) filter (where r.submitter_type = 'coalition'), 0)::bigint as coalition,
        coalesce(sum(r.count) filter (where r.submitter_type = 'international NGO'), 0)::bigint as international_ngo,
        sum(r.count)::bigint as total,
        count(r.submitter_type) filter (where r.count > 0) as submitter_types,
        array_to_string(list_sort(list_distinct(list(r.source))), ', ') as source
    from rows_in_view r
    join country c on c.iso3 = r.country_iso3
    group by c.name, c.iso3, c.ohchr_region, r.mechanism, r.year
)
select * from final order by country, mechanism, year
