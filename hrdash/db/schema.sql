-- The whole data model of the dashboard (DESIGN.md "Data model"). One file creates every
-- table. DuckDB has no cross-table CHECK, so `instrument_adopted(...)` in the date-order
-- checks is not a function: creating the schema (hrdash/db/connect.py) replaces it by the
-- adoption dates of data/reference/instrument.csv, the one place they are written.

-- ---------------------------------------------------------------- reference tables

create table country (
    iso3          varchar primary key check (regexp_full_match(iso3, '[A-Z]{3}')),
    iso2          varchar not null unique check (regexp_full_match(iso2, '[A-Z]{2}')),
    m49           varchar check (regexp_full_match(m49, '[0-9]{3}')),
    name          varchar not null unique,
    official_name varchar not null,
    m49_region    varchar not null check (m49_region in ('Africa', 'Americas', 'Asia', 'Europe', 'Oceania')),
    m49_subregion varchar not null,
    ohchr_region  varchar not null check (ohchr_region in (
        'Africa', 'Americas', 'Asia-Pacific', 'Europe and Central Asia', 'Middle East and North Africa')),
    un_member     boolean not null,
    ldc           boolean not null,
    sids          boolean not null,
    source        varchar not null check (source = 'reference')
);

create table instrument (
    code             varchar primary key check (code in (
        'CERD', 'CCPR', 'CCPR-OP1', 'CCPR-OP2-DP', 'CESCR', 'CESCR-OP', 'CEDAW', 'CEDAW-OP', 'CAT',
        'CAT-OP', 'CRC', 'CRC-OP-AC', 'CRC-OP-SC', 'CRC-OP-IC', 'CMW', 'CED', 'CRPD', 'CRPD-OP')),
    short_name       varchar not null unique,
    name             varchar not null,
    adopted          date not null,
    entry_into_force date check (entry_into_force >= adopted),
    kind             varchar not null check (kind in ('core', 'optional_protocol')),
    parent_code      varchar check ((kind = 'core') = (parent_code is null)),
    body             varchar not null,
    body_name        varchar not null,
    mtdsg_no         varchar not null unique,  -- the Treaty Collection's chapter IV number (status page address)
    source           varchar not null check (source = 'reference')
);

create table sp_mandate (
    code         varchar primary key,
    title        varchar not null,
    kind         varchar not null check (kind in ('thematic', 'country')),
    established  integer not null check (established between 1979 and 2030),
    country_iso3 varchar references country (iso3),
    source       varchar not null check (source = 'reference'),
    check ((kind = 'country') = (country_iso3 is not null))
);

create table ea (
    code       varchar primary key check (code in ('EA2', 'EA6', 'EA7', 'EA8', 'EA9', 'EA10', 'EA11')),
    short_name varchar not null,
    statement  varchar not null,
    source     varchar not null check (regexp_full_match(source, 'seed:[0-9]{3}'))
);

-- The kinds of seed-004 target, their labels and rules in words (data/reference/target_kind.csv, read once).
create table target_kind (
    kind       varchar primary key,
    ea_code    varchar not null references ea (code),
    rule_order integer not null,
    label      varchar not null unique,
    rule       varchar not null,
    measure    varchar,
    indicator  varchar,
    date_known boolean not null,
    unique (ea_code, rule_order)
);

create table ea_target (
    ea_code       varchar not null references ea (code),
    country_iso3  varchar not null references country (iso3),
    target_kind   varchar not null references target_kind (kind),
    instruments   varchar[],  -- for ratification targets: the OHCHR codes the rule looks at
    name_in_seed  varchar not null,
    sentence      varchar not null,
    source        varchar not null check (regexp_full_match(source, 'seed:[0-9]{3}')),
    primary key (ea_code, country_iso3, target_kind)
);

-- The UPR calendar (data/public/upr_session.csv): each Working Group session's cycle and year; its first day where
-- the project has checked it (NULL: not known, e.g. sessions 49-53).
create table upr_session (
    session   integer primary key check (session between 1 and 60),
    cycle     integer not null check (cycle between 1 and 4),
    year      integer not null check (year between 2008 and 2100),
    first_day date check (first_day is null or year(first_day) = year),
    source    varchar not null check (regexp_full_match(source, 'reference|public:[a-z0-9][a-z0-9.-]*'))
);

-- ---------------------------------------------------------------- fact tables
-- Every fact row says where it comes from: reference, seed:NNN, public:<dataset>, demo or import:<sha256>.

create table ratification (
    country_iso3   varchar not null references country (iso3),
    instrument     varchar not null references instrument (code),
    signature_date date,
    consent_date   date,
    consent_type   varchar check (consent_type in ('ratification', 'accession', 'succession')),
    -- 'year' when the source gives only the year (the date is then 31 December of it)
    date_precision varchar not null default 'day' check (date_precision in ('day', 'year')),
    -- NULL = not known (the Treaty Collection's status tables do not say), never read as "no reservations"
    reservations   boolean,
    -- the date a State's consent was undone (denunciation or withdrawal): not a party from then on
    denounced_date date,
    status         varchar generated always as (case
        when denounced_date is not null then 'denounced'
        when consent_date is not null then 'party'
        when signature_date is not null then 'signatory'
        else 'no action' end),
    source         varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    primary key (country_iso3, instrument),
    check ((consent_date is null) = (consent_type is null)),
    check (denounced_date is null or (consent_date is not null and denounced_date >= consent_date)),
    check (not reservations or consent_date is not null),
    check (consent_date is null or signature_date is null or consent_date >= signature_date),
    check (consent_date is null or consent_date >= instrument_adopted(instrument)),
    check (signature_date is null or signature_date >= instrument_adopted(instrument))
);

create table tb_report (
    id             varchar primary key,
    country_iso3   varchar not null references country (iso3),
    instrument     varchar not null references instrument (code),
    body           varchar not null check (body in ('CERD', 'CCPR', 'CESCR', 'CEDAW', 'CAT', 'CRC', 'CMW', 'CED', 'CRPD')),
    report_no      integer not null check (report_no >= 1),
    due_date       date not null,
    submitted_date date,
    reviewed_date  date,
    source         varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    check (reviewed_date is null or (submitted_date is not null and reviewed_date >= submitted_date)),
    check (submitted_date is null or submitted_date > instrument_adopted(instrument))
);

create table sp_visit (
    id            varchar primary key,
    country_iso3  varchar not null references country (iso3),
    mandate_code  varchar not null references sp_mandate (code),
    request_date  date,
    status        varchar not null check (status in ('requested', 'accepted', 'completed', 'postponed', 'no reply')),
    start_date    date,
    end_date      date,
    report_symbol varchar,
    source        varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    check (end_date is null or (start_date is not null and end_date >= start_date)),
    check (start_date is null or request_date is null or start_date >= request_date),
    check (status <> 'completed' or (start_date is not null and end_date is not null))
);

create table standing_invitation (
    country_iso3  varchar primary key references country (iso3),
    extended_date date not null,
    source        varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}'))
);

create table sp_communication (
    id           varchar primary key,
    sent_date    date not null,
    country_iso3 varchar not null references country (iso3),
    mandates     varchar[] not null check (len(mandates) >= 1),
    type         varchar not null check (type in ('urgent appeal', 'allegation letter', 'other letter')),
    joint        boolean not null,
    replied      boolean not null,
    reply_date   date,
    source       varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    check (joint = (len(mandates) >= 2)),
    check (reply_date is null or (replied and reply_date >= sent_date))
);

-- session, review_date and the two report flags are NULL when the source does not give them (a
-- list of review years has no session; neither Terman file says whether reports were submitted);
-- review_year is always known (from the session's year in upr_session when only the session is).
create table upr_review (
    country_iso3          varchar not null references country (iso3),
    cycle                 integer not null check (cycle between 1 and 4),
    session               integer check (session between 1 and 60),
    review_year           integer not null check (review_year between 2008 and 2100),
    review_date           date,
    national_report       boolean,
    midterm_report        boolean,
    source                varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    primary key (country_iso3, cycle),
    check (review_date is null or year(review_date) = review_year)
);

create table recommendation (
    id                  varchar primary key,
    country_iso3        varchar not null references country (iso3),
    mechanism           varchar not null check (mechanism in ('UPR', 'treaty body', 'special procedure')),
    body                varchar,  -- treaty body code or SP mandate code; null for UPR
    document_symbol     varchar,
    rec_date            date not null,
    text                varchar,  -- NULL where the source's text is not bundled (public:… UPR facts)
    themes              varchar[] not null default [],
    affected_groups     varchar[] not null default [],
    cycle               integer check (cycle between 1 and 4),
    session             integer,
    paragraph           varchar,
    recommending_states varchar[],  -- ISO3 codes; 'UNKNOWN' where the source says so
    response            varchar check (response in ('supported', 'noted', 'pending')),
    implementation      varchar check (implementation in ('not implemented', 'partially implemented', 'fully implemented')),
    action_category     integer check (action_category between 1 and 5),  -- UPR Info's scale: 1 minimal … 5 specific
    -- instruments the recommendation asks the State to join, where the text is not bundled (recognised when the
    -- public facts were derived); with a text, queries recognise them from the text itself
    asks_to_join        varchar[],
    source              varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    check ((mechanism = 'UPR') = (cycle is not null)),
    check (mechanism = 'UPR' or response is null)
);

create table national_mechanism (
    country_iso3       varchar primary key references country (iso3),
    established        date not null,
    type               varchar not null check (type in ('ad hoc', 'ministerial', 'inter-ministerial', 'institutionally separate')),
    nhri_participation boolean not null,
    cso_participation  boolean not null,
    tracking_tool      boolean not null,
    source             varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}'))
);

create table stakeholder_submission (
    country_iso3   varchar not null references country (iso3),
    mechanism      varchar not null check (mechanism in ('UPR', 'treaty bodies')),
    year           integer not null check (year between 1990 and 2100),
    cycle          integer check (cycle between 1 and 4),
    submitter_type varchar not null check (submitter_type in ('NHRI', 'national NGO', 'coalition', 'international NGO')),
    count          integer not null check (count >= 0),
    source         varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    primary key (country_iso3, mechanism, year, submitter_type)
);

create table unct_engagement (
    id           varchar primary key,
    country_iso3 varchar not null references country (iso3),
    year         integer not null check (year between 1990 and 2100),
    mechanism    varchar not null check (mechanism in ('UPR', 'treaty bodies', 'special procedures', 'all mechanisms')),
    activity     varchar not null check (activity in (
        'UNCT submission', 'support to a visit', 'follow-up plan', 'joint programme',
        'recommendations in UNDAF', 'human rights working group')),
    description  varchar,
    source       varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}'))
);

create table hra_deployment (
    id           varchar primary key,
    country_iso3 varchar references country (iso3),  -- null for a regional adviser
    region       varchar,                              -- the region a regional adviser covers
    start_date   date not null,
    end_date     date,
    funding      varchar not null check (funding in ('Action 2', 'UNDG-HRM', 'OHCHR', 'UNCT co-funding', 'other', 'unknown')),
    description  varchar,
    source       varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}')),
    check (end_date is null or end_date >= start_date),
    check (country_iso3 is not null or region is not null)
);

create table normative_output (
    id     varchar primary key,
    body   varchar not null,  -- treaty body code, SP mandate code, or HRC / GA
    kind   varchar not null check (kind in ('general comment', 'general recommendation', 'thematic report', 'new standard')),
    date   date not null,
    title  varchar not null,
    themes varchar[] not null default [],
    source varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}'))
);

create table nhri (
    country_iso3 varchar primary key references country (iso3),
    name         varchar not null,
    status       varchar not null check (status in ('A', 'B', 'C', 'none')),
    year         integer not null check (year between 1990 and 2100),
    source       varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}'))
);

create table story (
    id           varchar primary key,
    country_iso3 varchar not null references country (iso3),
    year         integer not null check (year between 1990 and 2100),
    mechanism    varchar not null check (mechanism in ('UPR', 'treaty bodies', 'special procedures', 'all mechanisms')),
    text         varchar not null,
    source       varchar not null check (regexp_full_match(source, 'reference|demo|seed:[0-9]{3}|public:[a-z0-9][a-z0-9.-]*|import:[0-9a-f]{8,64}'))
);

-- Global figures a seed states in words (e.g. "79 visits to 66 countries" in 2013): the
-- demo generator is calibrated to them and pages can show them beside the data.
create table seed_figure (
    key      varchar primary key,
    value    double not null,
    unit     varchar not null,
    as_of    varchar not null,
    sentence varchar not null,
    source   varchar not null check (regexp_full_match(source, 'seed:[0-9]{3}'))
);

-- ---------------------------------------------------------------- bookkeeping

create table build_info (
    key   varchar primary key,
    value varchar not null
);

create table import_log (
    id          integer primary key,
    file_name   varchar not null,
    sha256      varchar not null,
    format      varchar not null,
    inserted    integer not null,
    replaced    integer not null,
    skipped     integer not null,
    imported_at timestamp not null,
    imported_by varchar not null
);

-- ---------------------------------------------------------------- macros (shared by the queries)

-- Whether a State is a party on day d: it consented on or before d and had not denounced the instrument by then
-- (status 'denounced': not a party from denounced_date on). Every query asking "party on a date" uses it.
create macro party_on(consent, denounced, d) as coalesce(consent <= d, false) and coalesce(denounced > d, true);

-- A State's status on day d: party, denounced (consent undone by then), signatory or no action.
create macro status_on(signature, consent, denounced, d) as case
    when party_on(consent, denounced, d) then 'party'
    when denounced <= d then 'denounced'
    when signature <= d then 'signatory'
    else 'no action' end;


-- Every State × instrument as it stood on day d: its status and only the dates known by then (a later signature,
-- consent or denunciation is hidden). Reservations: NULL for a party whose reservations are not known, false when
-- not a party. The Ratification page and the Country profile read status from here.
create macro ratification_on(d) as table
    select
        c.iso3 as country_iso3,
        i.code as instrument,
        status_on(r.signature_date, r.consent_date, r.denounced_date, d) as status,
        case when r.signature_date <= d then r.signature_date end as signature_date,
        case when r.consent_date <= d then r.consent_date end as consent_date,
        case when r.consent_date <= d then r.consent_type end as consent_type,
        case when party_on(r.consent_date, r.denounced_date, d) then r.reservations else false end as reservations,
        case when r.denounced_date <= d then r.denounced_date end as denounced_date,
        r.source
    from country c
    cross join instrument i
    left join ratification r on r.country_iso3 = c.iso3 and r.instrument = i.code;

-- The countries a view shows: the global filters of every page in one place.
create macro selected_countries(sel_region, sel_countries, sel_target_ea) as table
    select c.iso3
    from country c
    where (sel_region is null or c.ohchr_region = sel_region)
      and (len(sel_countries) = 0 or list_contains(sel_countries, c.iso3))
      and (sel_target_ea is null
           or c.iso3 in (select t.country_iso3 from ea_target t where t.ea_code = sel_target_ea));

-- The selected years, one row each: the years an indicator query (queries/indicator_*.sql) returns.
create macro year_range(from_year, to_year) as table
    select unnest(range(from_year::integer, to_year::integer + 1))::integer as year;

-- Every selected country × every selected year: the spine an indicator query fills, so that a country with no
-- row in a year still has one (a count of 0, a share with nothing to share).
create macro country_year_spine(sel_region, sel_countries, sel_target_ea, from_year, to_year) as table
    select c.iso3 as country_iso3, c.name as country, y.year
    from country c
    join selected_countries(sel_region, sel_countries, sel_target_ea) sel on sel.iso3 = c.iso3
    cross join year_range(from_year, to_year) y;

-- What every indicator query (queries/indicator_*.sql) returns, from `counted`, the name of its CTE of
-- (country_iso3, country, year, numerator, denominator): those columns and the value by the rule of the indicator's
-- kind (hrdash/model/indicators.py: `kind`, which names the macro the query ends with), in country and year order:
-- count = the numerator; share = 100 × numerator / denominator; mean = numerator / denominator (null where the
-- denominator is 0 or null). One macro per kind rather than a `case` on it: binding the case costs every query
-- about half a millisecond.
create macro indicator_count(counted) as table
    select country_iso3, country, year, numerator, denominator, numerator::double as value
    from query_table(counted) order by country_iso3, year;

create macro indicator_share(counted) as table
    select country_iso3, country, year, numerator, denominator, 100.0 * numerator / nullif(denominator, 0) as value
    from query_table(counted) order by country_iso3, year;

create macro indicator_mean(counted) as table
    select country_iso3, country, year, numerator, denominator, numerator::double / nullif(denominator, 0) as value
    from query_table(counted) order by country_iso3, year;

-- An indicator that adds up events per country and year: `events`, the name of the query's CTE of (country_iso3, year,
-- numerator[, denominator]), one row per event and year it counts in. Every selected country × year gets the sum of
-- its events' numerators (0 without any) and, for a share, of their denominators (0 without any: nothing to share);
-- a count's denominator is null. The columns and value of indicator_count / indicator_share.
create macro count_events(events, sel_region, sel_countries, sel_target_ea, from_year, to_year) as table
    with counted as (
        select s.*, coalesce(sum(e.numerator), 0)::bigint as numerator, null::bigint as denominator
        from country_year_spine(sel_region, sel_countries, sel_target_ea, from_year, to_year) s
        left join query_table(events) e on e.country_iso3 = s.country_iso3 and e.year = s.year
        group by all
    )
    select * from indicator_count(counted);

create macro share_of_events(events, sel_region, sel_countries, sel_target_ea, from_year, to_year) as table
    with counted as (
        select s.*, coalesce(sum(e.numerator), 0)::bigint as numerator,
               coalesce(sum(e.denominator), 0)::bigint as denominator
        from country_year_spine(sel_region, sel_countries, sel_target_ea, from_year, to_year) s
        left join query_table(events) e on e.country_iso3 = s.country_iso3 and e.year = s.year
        group by all
    )
    select * from indicator_share(counted);

-- The targets of one EA (seed 004) among the selected countries: the target's facts (ea_target), the country's name
-- and region, and the kind's label, measure and order (reference table target_kind). Every target table reads its
-- targets here: queries/ratification_ea2_targets.sql, ea6_target_status.sql, ea7_target_status.sql,
-- ea11_target_status.sql.
create macro ea_targets(ea, sel_region, sel_countries, sel_target_ea) as table
    select
        t.country_iso3, t.target_kind, t.instruments, t.name_in_seed, t.sentence, t.source,
        c.name as country, c.ohchr_region, k.label as target, k.measure, k.rule_order
    from ea_target t
    join country c on c.iso3 = t.country_iso3
    join target_kind k on k.kind = t.target_kind
    where t.ea_code = ea
      and t.country_iso3 in (select iso3 from selected_countries(sel_region, sel_countries::varchar[], sel_target_ea));

-- The UPR recommendations each selected country received in the years (those of a cycle): in all, supported,
-- fully or partly implemented. The UPR page's UNCT link reads them per country and row by row.
create macro upr_recommendation_counts(sel_region, sel_countries, sel_target_ea, from_year, to_year) as table
    select
        r.country_iso3,
        count(*) as recommendations,
        count(*) filter (where r.response = 'supported') as supported,
        count(*) filter (where r.implementation in ('fully implemented', 'partially implemented')) as implemented
    from recommendation r
    join selected_countries(sel_region, sel_countries, sel_target_ea) sel on sel.iso3 = r.country_iso3
    where r.cycle is not null and r.rec_date between make_date(from_year, 1, 1) and make_date(to_year, 12, 31)
    group by 1;

-- The UPR recommendations of the selected countries and years that match a full-text search: every term must
-- occur in the text, in any order, case-insensitive (hrdash/model/search.py splits the search box into at most 8
-- lower-case terms: search_words). A missing term is null and matches everything, and is skipped before
-- lower(text) is computed, so a one-word search costs one lower() per row. Terms are tested with contains(), so
-- quotes, % and _ are plain characters: no escaping, unlike LIKE. search_theme, search_response: null for any.
-- Used by queries/upr_search_page.sql (counts and one page) and upr_search_results.sql (the download).
create macro upr_search_matches(sel_region, sel_countries, sel_target_ea, from_year, to_year,
                                search_theme, search_response, search_words) as table
    select r.*
    from recommendation r
    where r.cycle is not null and r.rec_date between make_date(from_year, 1, 1) and make_date(to_year, 12, 31)
      and r.country_iso3 in (select iso3 from selected_countries(sel_region, sel_countries::varchar[], sel_target_ea))
      and (search_theme::varchar is null or list_contains(r.themes, search_theme::varchar))
      and (search_response::varchar is null or r.response = search_response::varchar)
      and ((search_words::varchar[])[1] is null or contains(lower(r.text), lower((search_words::varchar[])[1])))
      and ((search_words::varchar[])[2] is null or contains(lower(r.text), lower((search_words::varchar[])[2])))
      and ((search_words::varchar[])[3] is null or contains(lower(r.text), lower((search_words::varchar[])[3])))
      and ((search_words::varchar[])[4] is null or contains(lower(r.text), lower((search_words::varchar[])[4])))
      and ((search_words::varchar[])[5] is null or contains(lower(r.text), lower((search_words::varchar[])[5])))
      and ((search_words::varchar[])[6] is null or contains(lower(r.text), lower((search_words::varchar[])[6])))
      and ((search_words::varchar[])[7] is null or contains(lower(r.text), lower((search_words::varchar[])[7])))
      and ((search_words::varchar[])[8] is null or contains(lower(r.text), lower((search_words::varchar[])[8])));

-- UPR recommendations of the selected countries and years that ask the State to sign, ratify or accede to one of
-- the 18 instruments, with what followed: one row per recommendation × instrument it asks the State to join.
-- A recommendation with a text is recognised from it; one whose text is not bundled (public:… facts) carries the
-- instruments recognised when the facts were derived, in asks_to_join (the same rules, applied to the same text).
-- The rules are data (hrdash/model/recognition.py, `sql_params()`), bound by the queries that call this:
-- ask_stems (lower-case stems, at most 8, tested with contains() before the verb pattern: ten times cheaper),
-- ask_pattern (the verbs), instrument_pattern (every rule in one alternation, in precedence order),
-- rule_patterns / rule_codes (each rule alone, with the codes it stands for).
-- outcome: 'already a party' if the State was a party on the review date (party_on), 'became a party' if its
-- consent is dated after the review, 'not a party' otherwise; years_to_party = consent date - review date, in years.
-- Used by queries/upr_ratification_outcomes.sql (the figures) and upr_ratification_requests.sql (the rows).
create macro upr_ratification_asks(sel_region, sel_countries, sel_target_ea, from_year, to_year,
                                   ask_stems, ask_pattern, instrument_pattern, rule_patterns, rule_codes) as table
    with chosen as (
        select r.id, r.country_iso3, r.rec_date, r.cycle, r.session, r.response, r.text, r.asks_to_join
        from recommendation r
        where r.cycle is not null and r.rec_date between make_date(from_year, 1, 1) and make_date(to_year, 12, 31)
          and r.country_iso3 in (
              select iso3 from selected_countries(sel_region, sel_countries::varchar[], sel_target_ea)
          )
    ),
    -- Cheap first pass: contains() of the verbs' stems, then the verb pattern itself on what is left.
    asking as (
        select c.id, c.text
        from chosen c
        where c.text is not null
          and coalesce(contains(lower(c.text), (ask_stems::varchar[])[1])
                or contains(lower(c.text), (ask_stems::varchar[])[2])
                or contains(lower(c.text), (ask_stems::varchar[])[3])
                or contains(lower(c.text), (ask_stems::varchar[])[4])
                or contains(lower(c.text), (ask_stems::varchar[])[5])
                or contains(lower(c.text), (ask_stems::varchar[])[6])
                or contains(lower(c.text), (ask_stems::varchar[])[7])
                or contains(lower(c.text), (ask_stems::varchar[])[8]), false)
          and regexp_matches(c.text, ask_pattern)
    ),
    -- Every piece of text the combined rule pattern matches (leftmost first: the precedence of the rules).
    named as (
        select id, unnest(list_distinct(regexp_extract_all(text, instrument_pattern))) as matched from asking
    ),
    rules as (
        select
            unnest(rule_patterns::varchar[]) as pattern,
            unnest(rule_codes::varchar[][]) as codes,
            unnest(range(len(rule_patterns::varchar[]))) as precedence
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
        union
        select id, unnest(asks_to_join) as instrument from chosen where text is null and len(asks_to_join) > 0
    )
    select
        a.id, a.country_iso3, c.name as country, c.ohchr_region, a.cycle, a.session, a.rec_date, q.instrument,
        i.short_name as instrument_name, a.response, rt.consent_date, rt.consent_type,
        case
            when party_on(rt.consent_date, rt.denounced_date, a.rec_date) then 'already a party'
            when rt.consent_date > a.rec_date then 'became a party'
            else 'not a party'
        end as outcome,
        case when rt.consent_date > a.rec_date then date_diff('day', a.rec_date, rt.consent_date) / 365.25 end
            as years_to_party,
        a.text
    from requested q
    join chosen a on a.id = q.id
    join country c on c.iso3 = a.country_iso3
    join instrument i on i.code = q.instrument
    left join ratification rt on rt.country_iso3 = a.country_iso3 and rt.instrument = q.instrument;

-- The Special Procedures visit requests each selected country received in the years (year of the request): in all,
-- answered (every status but 'requested', which still awaits an answer), accepted (accepted or completed: the rule of
-- indicator EA6.5) and awaiting an answer. One row per selected country with at least one request; read per country
-- (queries/sp_acceptance_rate_by_country.sql) and per region (sp_acceptance_rate_by_region.sql).
create macro sp_visit_requests(sel_region, sel_countries, sel_target_ea, from_year, to_year) as table
    select
        v.country_iso3,
        count(*) as requests,
        count(*) filter (where v.status <> 'requested') as answered,
        count(*) filter (where v.status in ('accepted', 'completed')) as accepted,
        count(*) filter (where v.status = 'requested') as awaiting_answer
    from sp_visit v
    where year(v.request_date) between from_year and to_year
      and v.country_iso3 in (select iso3 from selected_countries(sel_region, sel_countries::varchar[], sel_target_ea))
    group by v.country_iso3;

-- The EA6 target "sp_engagement" (seed 004: improve engagement with the Special Procedures "through the issuing of
-- standing invitations, the acceptance of their requests for visits or the response to their communications"),
-- measured once for both pages that show it: queries/ea6_target_status.sql (Expected accomplishments) and
-- queries/sp_engagement_targets.sql (Special Procedures). One row per target country among the selected ones.
-- The baseline years base_from–base_to and the current years now_from–now_to are hrdash/model/targets.windows():
-- four-year windows, because a country receives few visit requests and communications a year.
--   standing invitation: extended by 31 December of base_to (at the baseline) / of now_to (now); newly_invited if
--     extended after the baseline years and by the end of now_to;
--   visit requests: those made in the window and answered (status other than 'requested'), the share accepted or
--     completed (the rule of indicator EA6.5);
--   communications: those sent in the window, the share the State replied to (EA6.6).
-- met: 'yes' on any of the three ways (newly invited, a higher acceptance share, a higher reply share than at the
-- baseline); 'no data' when there is no invitation by now_to and no request or communication in either window.
-- Shares are percentages (0–100), null when there is nothing to share. sources: the sources of the rows read.
create macro sp_engagement_status(sel_region, sel_countries, sel_target_ea, base_from, base_to, now_from, now_to)
as table
    with targets as (
        select t.country_iso3
        from ea_target t
        where t.ea_code = 'EA6' and t.target_kind = 'sp_engagement'
          and t.country_iso3 in (
              select iso3 from selected_countries(sel_region, sel_countries::varchar[], sel_target_ea)
          )
    ),
    -- Only the rows of the two windows are joined: the rest cannot count (and would cost time).
    visits as (
        select
            t.country_iso3,
            count(v.id) filter (where year(v.request_date) between base_from and base_to) as base_requests,
            count(v.id) filter (where year(v.request_date) between base_from and base_to
                                 and v.status in ('accepted', 'completed')) as base_accepted,
            count(v.id) filter (where year(v.request_date) between now_from and now_to) as now_requests,
            count(v.id) filter (where year(v.request_date) between now_from and now_to
                                 and v.status in ('accepted', 'completed')) as now_accepted,
            list(v.source) filter (where v.id is not null) as visit_sources
        from targets t
        left join sp_visit v on v.country_iso3 = t.country_iso3 and v.status <> 'requested'
            and (year(v.request_date) between base_from and base_to
                 or year(v.request_date) between now_from and now_to)
        group by t.country_iso3
    ),
    comms as (
        select
            t.country_iso3,
            count(m.id) filter (where year(m.sent_date) between base_from and base_to) as base_sent,
            count(m.id) filter (where year(m.sent_date) between base_from and base_to and m.replied) as base_replied,
            count(m.id) filter (where year(m.sent_date) between now_from and now_to) as now_sent,
            count(m.id) filter (where year(m.sent_date) between now_from and now_to and m.replied) as now_replied,
            list(m.source) filter (where m.id is not null) as comm_sources
        from targets t
        left join sp_communication m on m.country_iso3 = t.country_iso3
            and (year(m.sent_date) between base_from and base_to or year(m.sent_date) between now_from and now_to)
        group by t.country_iso3
    ),
    measures as (
        select
            t.country_iso3,
            -- an invitation extended after now_to is not known "now": neither shown nor counted
            case when i.extended_date <= make_date(now_to, 12, 31) then i.extended_date end as invited,
            coalesce(i.extended_date <= make_date(base_to, 12, 31), false) as invited_at_baseline,
            coalesce(i.extended_date <= make_date(now_to, 12, 31), false) as invited_by_now,
            coalesce(i.extended_date > make_date(base_to, 12, 31) and i.extended_date <= make_date(now_to, 12, 31),
                     false) as newly_invited,
            v.base_requests, v.base_accepted, v.now_requests, v.now_accepted,
            c.base_sent, c.base_replied, c.now_sent, c.now_replied,
            100.0 * v.base_accepted / nullif(v.base_requests, 0) as base_acceptance,
            100.0 * v.now_accepted / nullif(v.now_requests, 0) as now_acceptance,
            100.0 * c.base_replied / nullif(c.base_sent, 0) as base_reply,
            100.0 * c.now_replied / nullif(c.now_sent, 0) as now_reply,
            list_sort(list_distinct(list_concat(  -- list_distinct drops the null of "no invitation by now_to"
                [case when i.extended_date <= make_date(now_to, 12, 31) then i.source end],
                v.visit_sources, c.comm_sources))) as sources
        from targets t
        join visits v using (country_iso3)
        join comms c using (country_iso3)
        left join standing_invitation i on i.country_iso3 = t.country_iso3
    )
    select
        *,
        case when newly_invited or now_acceptance > base_acceptance or now_reply > base_reply then 'yes'
             when not invited_by_now and base_requests + now_requests + base_sent + now_sent = 0 then 'no data'
             else 'no' end as met
    from measures;
