//! Today's date from the system clock: the one place the crate reads it.

use crate::list::Date;

impl Date {
    /// Today's date in UTC, from the system clock (1970-01-01 if the clock
    /// is set before it).
    ///
    /// ```
    /// use vendor_screen::list::Date;
    /// let today = Date::today();
    /// assert!(today >= Date::new(2026, 1, 1).unwrap());
    /// ```
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }
}
