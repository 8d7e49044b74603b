-- National mechanisms for reporting and follow-up in the selected countries on 31 December of $year_to
-- by type, with how many involve the NHRI, involve civil society and have a tracking tool.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per mechanism type (the four types, zero included).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
types (type, type_order) as (
    values ('ad hoc', 1), ('ministerial', 2), ('inter-ministerial', 3), ('institutionally separate', 4)
),
mechanisms as (
    select *
    from national_mechanism
    where established <= make_date($year_to, 12, 31) and country_iso3 in (select iso3 from sel)
),
final as (
    select
        t.type,
        count(m.country_iso3) as mechanisms,
        count(m.country_iso3) filter (where m.nhri_participation) as nhri_participation,
        count(m.country_iso3) filter (where m.cso_participation) as cso_participation,
        count(m.country_iso3) filter (where m.tracking_tool) as tracking_tool
    from types t
    left join mechanisms m on m.type = t.type
    group by t.type, t.type_order
    order by t.type_order
)
select * from final
