-- National mechanisms for reporting and follow-up established per year in the selected countries, and
-- the cumulative number of countries with one on 31 December of each year (all selected countries, and
-- those among EA6's named countries of engagement for standing coordination bodies).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per year.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select range as year from range($year_from, $year_to + 1)
),
named as (
    select distinct country_iso3
    from ea_target
    where ea_code = 'EA6' and target_kind = 'standing_coordination_body'
),
mechanisms as (
    select year(established) as year, country_iso3 in (select country_iso3 from named) as named
    from national_mechanism
    where country_iso3 in (select iso3 from sel)
),
final as (
    select
        y.year,
        count(m.year) filter (where m.year = y.year) as established,
        count(m.year) as countries_with_mechanism,
        count(m.year) filter (where m.named) as named_targets_with_mechanism
    from years y
    left join mechanisms m on m.year <= y.year
    group by y.year
)
select * from final order by year
