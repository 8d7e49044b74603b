-- EA2's target countries (seed 004) in the selection, each target evaluated as a rule over the
-- ratification table (hrdash/model/targets.py describes the rules): is it met on 31 December of
-- $baseline_year and of $year_to, and since when.
--   ratify_covenant_or_icerd, ratify_cmw, ratify_ccpr_op2, ratify_cescr_op: party to any of the
--     target's instruments; met on the first consent date.
--   ratify_optional_protocols: party to at least one of the optional protocols it was not party to at
--     the baseline; met on the first such consent date (never met at the baseline, by definition).
--   withdraw_reservations: no instrument the country is party to carries reservations. The data hold
--     a current flag only: 'no' when a reservation still in force was made by that day, 'yes' from the
--     last date in the ratification data on, 'unknown' before it; the date it was met is unknown. Where
--     the flag itself is not known (the bundled Treaty Collection status does not give reservations), the
--     status says "not known" and the target is 'unknown', never met.
-- `source` is the target's (the seed); `status_source` lists the sources of the country's ratification
-- rows, from which the status is read.
-- Parameters: $region, $countries, $target_ea (country selection); $year_to; $baseline_year.
-- Grain: one row per EA2 target (country × target kind).
with dates as (
    select
        make_date($year_to, 12, 31) as as_of,
        make_date($baseline_year, 12, 31) as baseline,
        (select max(greatest(coalesce(consent_date, signature_date), coalesce(signature_date, consent_date)))
         from ratification) as data_end
),
targets as (  -- the EA2 targets among the selected countries, with country names and labels (schema macro)
    select * from ea_targets('EA2', $region, $countries::varchar[], $target_ea)
),
-- Ratification targets: every instrument the target names, with or without a ratification row.
named as (
    select t.country_iso3, t.target_kind, unnest(t.instruments) as instrument
    from targets t
    where t.target_kind <> 'withdraw_reservations'
),
named_status as (
    select
        n.country_iso3,
        n.target_kind,
        i.short_name,
        i.adopted,
        r.consent_date,
        (n.target_kind <> 'ratify_optional_protocols' or r.consent_date > d.baseline)
            and party_on(r.consent_date, r.denounced_date, d.as_of) as counts,
        case when party_on(r.consent_date, r.denounced_date, d.as_of) then 'party (' || year(r.consent_date)
                 || case when n.target_kind = 'ratify_optional_protocols' and r.consent_date > d.baseline
                         then ', new since ' || $baseline_year else '' end || ')'
             when r.denounced_date <= d.as_of then 'denounced (' || year(r.denounced_date) || ')'
             when r.signature_date <= d.as_of then 'signed (' || year(r.signature_date) || ')'
             else 'no action' end as status
    from named n
    join instrument i on i.code = n.instrument
    cross join dates d
    left join ratification r on r.country_iso3 = n.country_iso3 and r.instrument = n.instrument
),
ratify_rules as (
    select
        country_iso3,
        target_kind,
        string_agg(short_name, ', ' order by adopted, short_name) as instruments,
        string_agg(short_name || ' ' || status, '; ' order by adopted, short_name) as status,
        min(consent_date) filter (where counts) as met_on
    from named_status
    group by all
),
ratify_evaluated as (
    select
        r.country_iso3, r.target_kind, r.instruments, r.status, r.met_on,
        case when r.met_on <= d.baseline then 'yes' else 'no' end as met_at_baseline,
        case when r.met_on <= d.as_of then 'yes' else 'no' end as met,
        case when r.met_on <= d.as_of then strftime(r.met_on, '%Y-%m-%d')
             else 'not met by ' || strftime(d.as_of, '%Y-%m-%d') end as when_met
    from ratify_rules r
    cross join dates d
),
-- Reservation targets: the instruments the country is party to with reservations (current flag), or whose flag is
-- not known (reservations null).
reserved as (
    select t.country_iso3, i.short_name, i.adopted, r.consent_date, r.denounced_date, r.reservations
    from targets t
    join ratification r
        on r.country_iso3 = t.country_iso3 and r.consent_date is not null and coalesce(r.reservations, true)
    join instrument i on i.code = r.instrument
    where t.target_kind = 'withdraw_reservations'
),
reservation_evaluated as (
    select
        t.country_iso3,
        t.target_kind,
        'all instruments the country is party to' as instruments,
        coalesce(
            'reservations to ' || string_agg(v.short_name, ', ' order by v.adopted, v.short_name)
                filter (where v.reservations and party_on(v.consent_date, v.denounced_date, d.as_of)),
            case when count(*) filter (where v.reservations is null
                                       and party_on(v.consent_date, v.denounced_date, d.as_of)) > 0
                 then 'reservations not known (the data do not say which States made reservations)' end,
            'no reservations in the data') as status,
        null::date as met_on,
        case when count(*) filter (where v.reservations and party_on(v.consent_date, v.denounced_date, d.baseline)) > 0
                 then 'no'
             when count(*) filter (where v.reservations is null
                                   and party_on(v.consent_date, v.denounced_date, d.baseline)) > 0 then 'unknown'
             when d.baseline >= d.data_end then 'yes' else 'unknown' end as met_at_baseline,
        case when count(*) filter (where v.reservations and party_on(v.consent_date, v.denounced_date, d.as_of)) > 0
                 then 'no'
             when count(*) filter (where v.reservations is null
                                   and party_on(v.consent_date, v.denounced_date, d.as_of)) > 0 then 'unknown'
             when d.as_of >= d.data_end then 'yes' else 'unknown' end as met,
        case when count(*) filter (where v.reservations and party_on(v.consent_date, v.denounced_date, d.as_of)) > 0
                 then 'not met by ' || strftime(d.as_of, '%Y-%m-%d')
             when count(*) filter (where v.reservations is null
                                   and party_on(v.consent_date, v.denounced_date, d.as_of)) > 0
                 then 'not known: the reservations of this country are not in the data'
             else 'unknown: the data record current reservations, not when they were withdrawn' end as when_met
    from targets t
    cross join dates d
    left join reserved v on v.country_iso3 = t.country_iso3
    where t.target_kind = 'withdraw_reservations'
    group by t.country_iso3, t.target_kind, d.as_of, d.baseline, d.data_end
),
evaluated as (
    select * from ratify_evaluated
    union all by name
    select * from reservation_evaluated
),
-- Where the statuses come from: every ratification row of the country counts, as a missing row is
-- read as 'no action'.
status_sources as (
    select country_iso3, string_agg(distinct source, ', ' order by source) as status_source
    from ratification
    where country_iso3 in (select country_iso3 from targets)
    group by 1
),
final as (
    select
        t.country,
        t.target,
        e.status,
        e.met_at_baseline,
        e.met,
        e.when_met,
        e.met_on,
        e.instruments,
        t.country_iso3 as iso3,
        t.ohchr_region, t.target_kind, t.name_in_seed, t.sentence, t.source,
        coalesce(ss.status_source, 'no ratification rows') as status_source
    from targets t
    join evaluated e on e.country_iso3 = t.country_iso3 and e.target_kind = t.target_kind
    left join status_sources ss on ss.country_iso3 = t.country_iso3
    order by t.rule_order, t.country
)
select * from final
