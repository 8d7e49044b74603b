-- New ratifications and accessions (consents to be bound) per year in the selected countries, of all
-- 18 instruments, split into core treaties and optional protocols.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per year × kind ('core' / 'optional_protocol'); years without any count 0.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select range as year from range($year_from, $year_to + 1)
),
kinds as (
    select distinct kind from instrument
),
consents as (
    select year(r.consent_date) as year, i.kind
    from ratification r
    join instrument i on i.code = r.instrument
    where r.country_iso3 in (select iso3 from sel)
      and year(r.consent_date) between $year_from and $year_to
),
final as (
    select years.year, kinds.kind, count(consents.year) as new_ratifications
    from years
    cross join kinds
    left join consents on consents.year = years.year and consents.kind = kinds.kind
    group by all
)
select * from final order by year, kind
