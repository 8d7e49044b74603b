-- Special Procedures communications sent, and replies, per year, for one country or all (every year with any;
-- the profile picks its years from this, so a change of years needs no query).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per country × year with communications.
with final as (
    select
        country_iso3,
        year(sent_date) as year,
        count(*) as communications,
        count(*) filter (where replied) as replied,
        count(*) filter (where type = 'urgent appeal') as urgent_appeals,
        count(*) filter (where joint) as joint
    from sp_communication
    where $country::varchar is null or country_iso3 = $country::varchar
    group by country_iso3, year(sent_date)
)
select * from final order by country_iso3, year
