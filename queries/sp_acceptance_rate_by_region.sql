-- Acceptance of Special Procedures visit requests per OHCHR region: requests made in the selected years, and the
-- share of those answered (every status but 'requested') that were accepted (accepted or completed) — the rule of
-- indicator EA6.5.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the request).
-- Grain: one row per OHCHR region with at least one request.
with requests as (  -- per selected country (schema macro)
    select * from sp_visit_requests($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        c.ohchr_region,
        sum(r.requests)::bigint as requests,
        sum(r.answered)::bigint as answered,
        sum(r.accepted)::bigint as accepted,
        sum(r.awaiting_answer)::bigint as awaiting_answer,
        round(100.0 * sum(r.accepted) / nullif(sum(r.answered), 0), 1) as acceptance_rate
    from requests r
    join country c on c.iso3 = r.country_iso3
    group by 1
)
select * from final order by ohchr_region
