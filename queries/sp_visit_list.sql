-- Special Procedures visits and visit requests of the selected countries: every row of sp_visit dated in the
-- selected years (the visit's start, or the request date for requests that have not led to a visit).
-- Parameters: $region, $countries, $target_ea (country selection); $limit (rows, null = all, for the export);
-- $year_from, $year_to.
-- Grain: one row per visit or visit request.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        c.name as country, c.iso3, c.ohchr_region, v.status, m.title as mandate, m.kind as mandate_kind,
        v.request_date, v.start_date, v.end_date, v.report_symbol, v.id, v.source
    from sp_visit v
    join sel on sel.iso3 = v.country_iso3
    join country c on c.iso3 = v.country_iso3
    join sp_mandate m on m.code = v.mandate_code
    where year(coalesce(v.start_date, v.request_date)) between $year_from and $year_to
)
select * from final order by coalesce(start_date, request_date) desc, id
limit $limit
