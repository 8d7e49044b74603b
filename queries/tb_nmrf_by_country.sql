-- The selected countries that have a national mechanism for reporting and follow-up on 31 December of
-- $year_to, or that EA6 names as a country of engagement for a standing coordination body (seed 004),
-- with the mechanism's details. `source` is the mechanism row's, or the target's where there is none.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
named as (
    select country_iso3, any_value(source) as source
    from ea_target
    where ea_code = 'EA6' and target_kind = 'standing_coordination_body'
    group by 1
),
mechanisms as (
    select *
    from national_mechanism
    where established <= make_date($year_to, 12, 31)
),
final as (
    select
        c.name as country,
        c.iso3,
        c.ohchr_region,
        named.country_iso3 is not null as ea6_country_of_engagement,
        m.country_iso3 is not null as has_mechanism,
        m.established,
        m.type,
        m.nhri_participation,
        m.cso_participation,
        m.tracking_tool,
        coalesce(m.source, named.source) as source
    from country c
    join sel on sel.iso3 = c.iso3
    left join mechanisms m on m.country_iso3 = c.iso3
    left join named on named.country_iso3 = c.iso3
    where m.country_iso3 is not null or named.country_iso3 is not null
)
select * from final order by country
