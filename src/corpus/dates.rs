//! Publication dates in the forms news data uses: ISO dates and datetimes, RFC 2822, written-out months, epochs.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Date-only formats tried after ISO 8601 (`2024-03-05`).
const DATE_FORMATS: &[&str] = &[
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
    "%B %d %Y",
];

/// Datetime formats without an offset.
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
];

/// Parses a date; a datetime gives its date in its own time zone. Numbers are Unix epochs in seconds (or in
/// milliseconds when too large for seconds). Slash dates with the day first or month first (`05/03/2024`) are
/// ambiguous and are not guessed.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(head) = text.get(..10)
        && let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
        && (text.len() == 10 || !text.as_bytes()[10].is_ascii_digit())
    {
        return Some(date);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(text) {
        return Some(dt.date_naive());
    }
    if text.bytes().all(|b| b.is_ascii_digit()) && text.len() >= 9 {
        let n: i64 = text.parse().ok()?;
        let secs = if n > 100_000_000_000 { n / 1000 } else { n };
        return DateTime::from_timestamp(secs, 0).map(|dt| dt.date_naive());
    }
    DATETIME_FORMATS
        .iter()
        .find_map(|f| {
            NaiveDateTime::parse_from_str(text, f)
                .ok()
                .map(|dt| dt.date())
        })
        .or_else(|| {
            DATE_FORMATS
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_date("2022-08-16"), ymd(2022, 8, 16));
        assert_eq!(parse_date(" 2022-08-16T14:05:00Z "), ymd(2022, 8, 16));
        assert_eq!(parse_date("2022-08-16T23:30:00-05:00"), ymd(2022, 8, 16));
        assert_eq!(parse_date("2022-08-16 09:15:00"), ymd(2022, 8, 16));
        assert_eq!(
            parse_date("Tue, 16 Aug 2022 14:05:00 GMT"),
            ymd(2022, 8, 16)
        );
        assert_eq!(
            parse_date("Tue, 16 Aug 2022 14:05:00 +0100"),
            ymd(2022, 8, 16)
        );
        assert_eq!(parse_date("August 16, 2022"), ymd(2022, 8, 16));
        assert_eq!(parse_date("Aug 16, 2022"), ymd(2022, 8, 16));
        assert_eq!(parse_date("16 August 2022"), ymd(2022, 8, 16));
        assert_eq!(parse_date("2022/08/16"), ymd(2022, 8, 16));
        assert_eq!(parse_date("20220816"), ymd(2022, 8, 16));
        assert_eq!(parse_date("1660658700"), ymd(2022, 8, 16));
        assert_eq!(parse_date("1660658700000"), ymd(2022, 8, 16));
    }

    #[test]
    fn rejects_nonsense_and_ambiguity() {
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2022-13-45"), None);
        assert_eq!(parse_date("05/03/2024"), None);
    }
}
