//! Calendar files: stable UIDs, folding, times as chrono writes them.

use super::*;

#[test]
fn calendar_events_have_stable_uids_and_fold() {
    let texts = EventTexts {
        interview: &|n| format!("Informational interview with {n}"),
        goal: "Goal",
        questions: "Questions",
        birthday: &|n| format!("Birthday: {n}"),
        promise: &|t, n| format!("{t} ({n})"),
    };
    let follow_up = FollowUp {
        meta: Meta::new("f1", now()),
        contact_id: Some("c1".into()),
        kind: FollowUpKind::IPromised,
        text: "Send the article; with a note, please".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 24),
        done: None,
        message_id: None,
    };
    let mut cal = Calendar::new(now());
    cal.promise(&follow_up, "Anna", &texts);
    let leap = Birthday {
        month: 2,
        day: 29,
        year: None,
    };
    cal.birthday("c1", leap, "Anna", &texts);
    let text = cal.finish();
    let unfolded = unfold(&text);
    for expected in [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n",
        "UID:promise-f1@netzweber.app\r\nDTSTAMP:20261202T100000Z\r\n",
        "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\n",
        "SUMMARY:Send the article\\; with a note\\, please (Anna)\r\n",
        "BEGIN:VALARM\r\n",
        "UID:birthday-c1@netzweber.app\r\n",
        "DTSTART;VALUE=DATE:20000229\r\n",
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n",
        "END:VCALENDAR\r\n",
    ] {
        assert!(
            unfolded.contains(expected),
            "{expected:?} missing in\n{unfolded}"
        );
    }
    let mut done = follow_up.clone();
    done.done = Some(now());
    let mut cal = Calendar::new(now());
    cal.promise(&done, "Anna", &texts);
    assert!(
        !cal.finish().contains("VEVENT"),
        "done promises are left out"
    );
}

proptest::proptest! {
    /// Calendar times are written as chrono would.
    #[test]
    fn calendar_stamps_match_chrono(secs in 0i64..7_000_000_000) {
        let at = DateTime::from_timestamp(secs, 0).unwrap();
        let mut cal = Calendar::new(at);
        let f = FollowUp {
            meta: Meta::new("f", at),
            contact_id: None,
            kind: FollowUpKind::Reminder,
            text: "x".into(),
            due: Some(at.date_naive()),
            done: None,
            message_id: None,
        };
        let texts = EventTexts {
            interview: &|n| n.to_string(),
            goal: "",
            questions: "",
            birthday: &|n| n.to_string(),
            promise: &|t, _| t.to_string(),
        };
        cal.promise(&f, "", &texts);
        let text = cal.finish();
        let stamp = format!("DTSTAMP:{}\r\n", at.format("%Y%m%dT%H%M%SZ"));
        proptest::prop_assert!(text.contains(&stamp), "{}", text);
        let day = format!("DTSTART;VALUE=DATE:{}\r\n", at.format("%Y%m%d"));
        proptest::prop_assert!(text.contains(&day), "{}", text);
    }
}
