-- Every target of seed 004's expected accomplishments that names one country (or any country).
-- Parameters: $country (ISO3, or null for every country). Grain: one row per country × EA × target kind.
with final as (
    select
        t.country_iso3,
        t.ea_code,
        e.short_name as ea_name,
        t.target_kind,
        t.instruments,
        t.name_in_seed,
        t.sentence,
        t.source
    from ea_target t
    join ea e on e.code = t.ea_code
    where $country::varchar is null or t.country_iso3 = $country::varchar
)
select * from final order by country_iso3, cast(substr(ea_code, 3) as integer), target_kind
