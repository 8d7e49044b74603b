-- National mechanisms for reporting and follow-up (NMRFs) in the selected countries on 31 December of
-- $year_to, against EA6's countries of engagement: the seed's target of 71 countries
-- (seed_figure 'nmrf_countries_of_engagement') and the countries it names for participatory standing
-- coordination bodies (ea_target 'standing_coordination_body').
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
named as (
    select distinct country_iso3 as iso3
    from ea_target
    where ea_code = 'EA6' and target_kind = 'standing_coordination_body'
),
countries as (
    select
        sel.iso3,
        named.iso3 is not null as named,
        m.country_iso3 is not null as has_mechanism,
        coalesce(m.nhri_participation, false) as nhri,
        coalesce(m.cso_participation, false) as cso,
        coalesce(m.tracking_tool, false) as tracking_tool
    from sel
    left join named on named.iso3 = sel.iso3
    left join national_mechanism m on m.country_iso3 = sel.iso3 and m.established <= make_date($year_to, 12, 31)
),
final as (
    select
        count(*) as countries,
        count(*) filter (where has_mechanism) as with_mechanism,
        count(*) filter (where nhri) as nhri_participation,
        count(*) filter (where cso) as cso_participation,
        count(*) filter (where tracking_tool) as tracking_tool,
        (select count(*) from named) as named_targets_all,
        count(*) filter (where named) as named_targets,
        count(*) filter (where named and has_mechanism) as named_targets_with_mechanism,
        (select value::integer from seed_figure where key = 'nmrf_countries_of_engagement')
            as countries_of_engagement_target
    from countries
)
select * from final
