-- UPR recommendations that ask the State to sign, ratify or accede to one of the 18 instruments, and whether
-- and when it then became a party.
-- A recommendation asks to join an instrument if its text has a verb of ratify / accede / sign / adhere / become
-- party and names the instrument; hrdash/instrument_recognition.py holds the rules (as data) and binds them here.
-- Outcome: 'became a party' if the State's consent (ratification, accession, succession) is dated after the
-- review, 'already a party' if on or before it (the instrument was named for another reason, or the data
-- disagree), 'not a party' if it has not consented (yet). Years to party = consent date - review date.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review);
-- $ask_stems, $ask_pattern, $instrument_pattern, $rule_patterns, $rule_codes (the rules);
-- $limit (null = every row, for the export).
-- Grain: one row per recommendation × instrument it names, newest review first.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
-- Cheap first pass: contains() of the verbs' stems, then the verb pattern itself on what is left.
asking as (
    select r.id, r.country_iso3, r.rec_date, r.cycle, r.session, r.response, r.text
    from recommendation r
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
      and r.country_iso3 in (select iso3 from sel)
      and coalesce(contains(lower(r.text), ($ask_stems::varchar[])[1])
            or contains(lower(r.text), ($ask_stems::varchar[])[2])
            or contains(lower(r.text), ($ask_stems::varchar[])[3])
            or contains(lower(r.text), ($ask_stems::varchar[])[4])
            or contains(lower(r.text), ($ask_stems::varchar[])[5])
            or contains(lower(r.text), ($ask_stems::varchar[])[6])
            or contains(lower(r.text), ($ask_stems::varchar[])[7])
            or contains(lower(r.text), ($ask_stems::varchar[])[8]), false)
      and regexp_matches(r.text, $ask_pattern)
),
-- Every piece of text the combined rule pattern matches (leftmost first: the precedence of the rules).
named as (
    select id, unnest(list_distinct(regexp_extract_all(text, $instrument_pattern))) as matched from asking
),
rules as (
    select
        unnest($rule_patterns::varchar[]) as pattern,
        unnest($rule_codes::varchar[][]) as codes,
        unnest(range(len($rule_patterns::varchar[]))) as precedence
),
-- Each distinct matched text belongs to the first rule that matches all of it (a few hundred texts, not rows).
resolved as (
    select m.matched, arg_min(r.codes, r.precedence) as codes
    from (select distinct matched from named) m
    join rules r on regexp_full_match(m.matched, r.pattern)
    group by m.matched
),
requested as (
    select distinct id, instrument
    from (select n.id, unnest(x.codes) as instrument from named n join resolved x using (matched))
),
outcomes as (
    select
        a.id, a.country_iso3, c.name as country, c.ohchr_region, a.cycle, a.session, a.rec_date, q.instrument,
        i.short_name as instrument_name, a.response, rt.consent_date, rt.consent_type,
        case
            when rt.consent_date is null then 'not a party'
            when rt.consent_date <= a.rec_date then 'already a party'
            else 'became a party'
        end as outcome,
        case when rt.consent_date > a.rec_date then date_diff('day', a.rec_date, rt.consent_date) / 365.25 end
            as years_to_party,
        a.text
    from requested q
    join asking a on a.id = q.id
    join country c on c.iso3 = a.country_iso3
    join instrument i on i.code = q.instrument
    left join ratification rt on rt.country_iso3 = a.country_iso3 and rt.instrument = q.instrument
),
final as (
    select
        rec_date as review_date, country, country_iso3 as iso3, ohchr_region, cycle, instrument, instrument_name,
        response, outcome, consent_date, consent_type, round(years_to_party, 2) as years_to_party, text, id
    from outcomes
    order by rec_date desc, id, instrument
    limit $limit
)
select * from final
