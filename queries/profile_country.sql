-- A country's reference facts, with its NHRI, national mechanism and standing invitation (one or all).
-- Parameters: $country (ISO3, or null for every country). The standing invitation is given whenever it was
-- extended: the profile counts it only if extended by the end of its last year (no query on a change of years).
-- Grain: one row per country (none when the code is unknown).
with chosen as (
    select *, count(*) over (partition by ohchr_region) as region_countries
    from country
),
final as (
    select
        c.iso3, c.name, c.official_name, c.ohchr_region, c.m49_subregion, c.un_member, c.ldc, c.sids,
        c.region_countries,
        s.extended_date as standing_invitation_date, s.source as standing_invitation_source,
        n.name as nhri_name, n.status as nhri_status, n.year as nhri_year, n.source as nhri_source,
        m.established as mechanism_established, m.type as mechanism_type,
        m.nhri_participation as mechanism_nhri, m.cso_participation as mechanism_cso,
        m.tracking_tool as mechanism_tracking_tool, m.source as mechanism_source
    from chosen c
    left join standing_invitation s on s.country_iso3 = c.iso3
    left join nhri n on n.country_iso3 = c.iso3
    left join national_mechanism m on m.country_iso3 = c.iso3
    where $country::varchar is null or c.iso3 = $country::varchar
)
select * from final order by iso3
