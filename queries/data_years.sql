-- The first and last year the dated fact tables cover. No parameters. Grain: one row.
with years as (
    select year(sent_date) as year from sp_communication
    union all select review_year from upr_review
    union all select year(start_date) from sp_visit where start_date is not null
)
select min(year) as first_year, max(year) as last_year from years
