-- Number of States parties among the selected countries on 31 December of each year (not counting those that had
-- denounced the instrument by then), for the chosen instruments.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years
-- shown); $instruments (list of OHCHR codes).
-- Grain: one row per chosen instrument × year.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select range as year from range($year_from, $year_to + 1)
),
chosen as (
    select code, short_name from instrument where list_contains($instruments::varchar[], code)
),
consents as (
    select r.instrument, r.consent_date, r.denounced_date
    from ratification r
    where r.consent_date is not null
      and r.country_iso3 in (select iso3 from sel)
      and list_contains($instruments::varchar[], r.instrument)
),
final as (
    select
        chosen.code as instrument,
        chosen.short_name,
        years.year,
        count(consents.consent_date) as parties
    from chosen
    cross join years
    left join consents
        on consents.instrument = chosen.code
       and party_on(consents.consent_date, consents.denounced_date, make_date(years.year, 12, 31))
    group by all
)
select * from final order by instrument, year
