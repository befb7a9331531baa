//! Paths of screens that several features link to (relative to the app's base; see
//! `ui::link` for making them absolute).

/// The path of a contact's page.
pub fn contact_path(id: &str) -> String {
    format!("/contacts/{id}")
}
