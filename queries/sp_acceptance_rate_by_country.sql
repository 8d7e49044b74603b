-- Acceptance of Special Procedures visit requests per selected country: requests made in the selected years,
-- and the share of those answered (every status but 'requested') that were accepted (accepted or completed).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the request).
-- Grain: one row per selected country with at least one request.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        c.name, c.iso3, c.ohchr_region,
        count(*) as requests,
        count(*) filter (where v.status <> 'requested') as answered,
        count(*) filter (where v.status in ('accepted', 'completed')) as accepted,
        round(100.0 * count(*) filter (where v.status in ('accepted', 'completed'))
            / nullif(count(*) filter (where v.status <> 'requested'), 0), 1) as acceptance_rate
    from sp_visit v
    join sel on sel.iso3 = v.country_iso3
    join country c on c.iso3 = v.country_iso3
    where year(v.request_date) between $year_from and $year_to
    group by all
)
select * from final order by requests desc, name
