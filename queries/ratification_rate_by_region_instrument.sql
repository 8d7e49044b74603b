-- Ratification rate (share of States parties) of each instrument in each OHCHR region among the selected
-- countries, on 31 December of $year_to, plus a row 'All selected countries' over the whole selection.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per region (and the total) × instrument; rate in % of the selected countries.
with sel as (
    select c.iso3, c.ohchr_region
    from selected_countries($region, $countries::varchar[], $target_ea) s
    join country c on c.iso3 = s.iso3
),
groups as (
    select ohchr_region as region, iso3, 1 as region_order from sel
    union all
    select 'All selected countries', iso3, 2 from sel
),
parties as (
    select country_iso3, instrument
    from ratification
    where party_on(consent_date, denounced_date, make_date($year_to, 12, 31))
),
counted as (
    select
        g.region,
        g.region_order,
        i.code as instrument,
        i.short_name,
        count(distinct g.iso3) as countries,
        count(p.country_iso3) as parties
    from groups g
    cross join instrument i
    left join parties p on p.country_iso3 = g.iso3 and p.instrument = i.code
    group by all
),
final as (
    select region, instrument, short_name, countries, parties, round(100.0 * parties / countries, 1) as rate
    from counted
    order by region_order, region, instrument
)
select * from final
