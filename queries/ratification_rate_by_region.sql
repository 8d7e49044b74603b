-- Average ratification rate of the 18 instruments in each OHCHR region among the selected countries, on
-- 31 December of $year_to: States-party pairs as a share of countries × 18; lowest rate first.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per OHCHR region with at least one selected country.
with sel as (
    select c.iso3, c.ohchr_region
    from selected_countries($region, $countries::varchar[], $target_ea) s
    join country c on c.iso3 = s.iso3
),
parties as (
    select country_iso3, count(*) as n
    from ratification
    where party_on(consent_date, denounced_date, make_date($year_to, 12, 31))
    group by 1
),
counted as (
    select
        sel.ohchr_region as region,
        count(*) as countries,
        coalesce(sum(parties.n), 0)::bigint as parties,
        (select count(*) from instrument) as instruments
    from sel
    left join parties on parties.country_iso3 = sel.iso3
    group by 1
),
final as (
    select region, countries, instruments, parties, round(100.0 * parties / (countries * instruments), 1) as rate
    from counted
)
select * from final order by rate, region
