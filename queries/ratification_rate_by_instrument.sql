-- Ratification rate of each instrument among the selected countries on 31 December of $year_to, the
-- number of parties on 1 January of $year_from and the new parties in between; lowest rate first.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per instrument.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
n as (
    select count(*) as countries from sel
),
consents as (
    select instrument, consent_date, denounced_date
    from ratification
    where consent_date is not null and country_iso3 in (select iso3 from sel)
),
counted as (
    select
        i.code as instrument,
        i.short_name,
        i.kind,
        count(c.consent_date) filter (where party_on(c.consent_date, c.denounced_date, make_date($year_to, 12, 31)))
            as parties,
        count(c.consent_date) filter (where party_on(c.consent_date, c.denounced_date, make_date($year_from - 1, 12, 31)))
            as parties_at_start
    from instrument i
    left join consents c on c.instrument = i.code
    group by all
),
final as (
    select
        instrument, short_name, kind, n.countries, parties, parties_at_start,
        parties - parties_at_start as new_parties,
        round(100.0 * parties / nullif(n.countries, 0), 1) as rate
    from counted
    cross join n
)
select * from final order by rate, instrument
