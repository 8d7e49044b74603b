-- Stakeholder submissions to the UPR and treaty bodies per year and submitter type, for one country or all
-- (every year with any; the profile picks its years from this, so a change of years needs no query).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per country × year with submissions.
with final as (
    select
        country_iso3,
        year,
        coalesce(sum(count) filter (where submitter_type = 'NHRI'), 0)::integer as nhri,
        coalesce(sum(count) filter (where submitter_type = 'national NGO'), 0)::integer as national_ngo,
        coalesce(sum(count) filter (where submitter_type = 'coalition'), 0)::integer as coalition,
        coalesce(sum(count) filter (where submitter_type = 'international NGO'), 0)::integer as international_ngo,
        coalesce(sum(count), 0)::integer as submissions
    from stakeholder_submission
    where $country::varchar is null or country_iso3 = $country::varchar
    group by country_iso3, year
)
select * from final order by country_iso3, year
