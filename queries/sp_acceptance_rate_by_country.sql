-- Acceptance of Special Procedures visit requests per selected country: requests made in the selected years,
-- and the share of those answered (every status but 'requested') that were accepted (accepted or completed).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the request).
-- Grain: one row per selected country with at least one request.
with requests as (  -- per selected country (schema macro)
    select * from sp_visit_requests($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        c.name, c.iso3, c.ohchr_region, r.requests, r.answered, r.accepted,
        round(100.0 * r.accepted / nullif(r.answered, 0), 1) as acceptance_rate
    from requests r
    join country c on c.iso3 = r.country_iso3
)
select * from final order by requests desc, name
