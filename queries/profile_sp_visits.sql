-- Special Procedures visits and visit requests, for one country or all: every one, whatever its year (the
-- page cuts them to its years, and adds how long each request has been open, in hrdash/profile/years.py:
-- sp_visits; the export writes the rows the page shows).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per visit or request. Pending = requested or no reply (not yet accepted);
-- accepted and postponed visits are open too.
with visits as (
    select v.*, m.title as mandate, m.kind as mandate_kind
    from sp_visit v
    join sp_mandate m on m.code = v.mandate_code
    where $country::varchar is null or v.country_iso3 = $country::varchar
),
final as (
    select
        country_iso3,
        mandate,
        mandate_kind,
        status,
        status in ('requested', 'no reply') as pending,
        request_date,
        start_date,
        end_date,
        report_symbol,
        source
    from visits
)
select * from final
order by country_iso3, status = 'completed', pending desc, coalesce(start_date, request_date) desc, mandate
