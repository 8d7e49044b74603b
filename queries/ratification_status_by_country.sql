-- Status of one instrument in each selected country on 31 December of $year_to: party, denounced, signatory or
-- no action (countries without a ratification row took no action). Dates after that day are hidden.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to; $instrument (OHCHR code).
-- Grain: one row per selected country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
as_of as (
    select make_date($year_to, 12, 31) as d
),
rat as (
    select r.*
    from ratification r
    where r.instrument = $instrument and r.country_iso3 in (select iso3 from sel)
),
final as (
    select
        c.iso3,
        c.name,
        c.ohchr_region,
        status_on(rat.signature_date, rat.consent_date, rat.denounced_date, as_of.d) as status,
        case when rat.signature_date <= as_of.d then rat.signature_date end as signature_date,
        case when rat.consent_date <= as_of.d then rat.consent_date end as consent_date,
        case when rat.consent_date <= as_of.d then rat.consent_type end as consent_type,
        case when party_on(rat.consent_date, rat.denounced_date, as_of.d) then rat.reservations else false end
            as reservations,  -- NULL: a party whose reservations are not known
        case when rat.denounced_date <= as_of.d then rat.denounced_date end as denounced_date
    from country c
    join sel on sel.iso3 = c.iso3
    cross join as_of
    left join rat on rat.country_iso3 = c.iso3
)
select * from final order by name
