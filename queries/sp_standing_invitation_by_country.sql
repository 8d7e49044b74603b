-- Whether each selected country had extended a standing invitation to the Special Procedures by the end of the
-- selected "to" year, and when.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per selected country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        c.iso3, c.name, c.ohchr_region, c.un_member,
        case when i.extended_date <= make_date($year_to, 12, 31) then 'standing invitation' else 'none' end as status,
        case when i.extended_date <= make_date($year_to, 12, 31) then i.extended_date end as extended_date
    from country c
    join sel on sel.iso3 = c.iso3
    left join standing_invitation i on i.country_iso3 = c.iso3
)
select * from final order by name
