-- The UN Treaty Collection status page of each of the 18 instruments: OHCHR code, short and full name, and the
-- Collection's chapter IV number (mtdsg_no) from which the page's address is built
-- ({base}/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={mtdsg_no}&chapter=4&clang=_en).
-- No parameters. Grain: one row per instrument, in the Collection's order (IV-2, IV-3, IV-3-a, IV-4, ...).
with pages as (
    select
        code,
        short_name,
        name,
        mtdsg_no,
        cast(split_part(mtdsg_no, '-', 2) as integer) as chapter_number
    from instrument
    where mtdsg_no is not null
),

final as (
    select code, short_name, name, mtdsg_no
    from pages
    order by chapter_number, mtdsg_no
)

select * from final
