/* Dates as pages write them: machine forms (ISO 8601, RFC 822, compact) in
 * attributes and JSON-LD, written forms in text ("9 June 2017",
 * "June 9, 2017", "09.06.2017", "9. Juni 2017", "9 juin 2017",
 * "2017年6月9日") in the main European languages, and dates in URL paths. */
#ifndef PITH_META_DATE_H
#define PITH_META_DATE_H

#include <stddef.h>

typedef struct {
  int y, m, d;    /* m, d: 0 when the date gives only a year or a month */
  int hh, mi, ss; /* valid when has_time */
  int tz;         /* offset from UTC in minutes, when has_tz */
  int has_time, has_tz;
  int swappable; /* written in digits that read as a date either way round
                  * ("09.10.2024"): the day and month may be each other */
} meta_date;

/* The earliest year a page date is believed in (the web's own age). */
#define DATE_MIN_YEAR 1994

/* Parses a machine-readable date: "2017-06-09", "2017-06-09T08:36:00+08:00",
 * "2017-06-09 08:36:00", "2017/06/09", "20170609", "2017-06",
 * "Fri, 09 Jun 2017 08:36:00 GMT" and, failing those, a written date
 * (date_find). Returns 1 on success. */
int date_parse(const char *s, size_t len, meta_date *out);

/* Order of day and month in all-numeric dates with slashes ("06/09/2017"):
 * pages in US English write the month first. */
typedef enum { DATE_DMY, DATE_MDY } date_order;

/* Finds the first complete written date (year, month and day) in text
 * s[0..len); *at gets its offset when not NULL. Two-digit years are taken
 * only when short_years is set (labelled places: "8.5.12"). Returns 1 when
 * found. */
int date_find(const char *s, size_t len, date_order order, int short_years, meta_date *out,
              size_t *at);

/* date_find, and *end gets the offset just past the date. */
int date_find_span(const char *s, size_t len, date_order order, int short_years, meta_date *out,
                   size_t *at, size_t *end);

/* Whether the date s[at, end) is one end of a range of days ("24. April
 * bis 2. Oktober 2017", "4. und 5. März 2022", "April 29-30", "3 June
 * 2023 - 5 June 2023"): an event's, a closure's, an offer's days, no
 * text's date. */
int date_in_range(const char *s, size_t len, size_t at, size_t end);

/* A date in a URL's path: /2017/06/09/, /2017-06-09-, /20170609/. Returns
 * 3 for a full date, 2 for a year and month only (/2017/06/), else 0. */
int date_from_url(const char *url, meta_date *out);

/* Whether d is a real calendar date between DATE_MIN_YEAR and max
 * (inclusive, compared on the day). A date without day fails. */
int date_valid(const meta_date *d, const meta_date *max);

/* -1, 0, 1 as a is before, on or after b (the day only). */
int date_cmp_day(const meta_date *a, const meta_date *b);

/* ISO 8601: "2017-06-09", or with time "2017-06-09T08:36:00" plus the
 * offset ("+08:00", "Z") when known. cap >= 32. */
void date_format(const meta_date *d, char *out, size_t cap);

/* The UTC date of a Unix time. */
void date_from_unix(long long t, meta_date *out);

#endif
