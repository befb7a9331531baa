//! Removing records, undoing a removal, and merging two contacts: the operations that
//! change what other records refer to. Each walks the one declaration of references
//! ([`crate::domain::integrity::REFERENCES`]), so no reference is left pointing nowhere.

use std::cell::RefCell;
use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::rows::{from_row, row_of, stamp, touch_activity};
use super::write::{check_revision, records_by, writer};
use super::{Database, ImportReport, Removal, SaveError, UndoReport};
use crate::domain::backup::{for_each_kind, with_kind, Dataset};
use crate::domain::code::Code;
use crate::domain::contacts::draft::display_name;
use crate::domain::integrity::{on_removal, referrers_of, Effect, Gone, ReferenceField};
use crate::domain::record::{Contact, Kind, Record, Slot};
use crate::storage::idb::{self, Durability, Tx};
use crate::storage::schema;
use crate::storage::StorageError;

/// What one removal has done so far.
struct Progress {
    removal: Removal,
    /// Records removed or about to be.
    gone: HashSet<(Kind, String)>,
    /// Records still to remove.
    queue: Vec<(Kind, String)>,
}

impl Database {
    /// Removes a record in one transaction, with everything that belongs to it (a
    /// contact's timeline, promises and photos), and clears the references of the records
    /// that only mention it, keeping the name where they have room for it: contacts it
    /// introduced say "introduced by Anna Schmidt", plans and messages to it keep her as a
    /// person not saved. Returns everything changed, for [`Database::undo_removal`].
    pub async fn remove<R: Record>(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Removal, StorageError> {
        self.remove_by_kind(R::KIND, id, now).await
    }

    /// [`Database::remove`] for a kind known at run time; one copy of the code for all.
    pub async fn remove_by_kind(
        &self,
        kind: Kind,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Removal, StorageError> {
        let first = kind;
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, Durability::Default)?;
        let removal = tx
            .run(async |tx: &Tx| {
                if !idb::has_key(&tx.store(first.key())?, &id.into()).await? {
                    return Err(StorageError::NotFound);
                }
                let mut progress = Progress {
                    removal: Removal::default(),
                    gone: HashSet::from([(first, id.to_string())]),
                    queue: vec![(first, id.to_string())],
                };
                while let Some((kind, id)) = progress.queue.pop() {
                    with_kind!(kind, |T| take::<T>(tx, &id, &mut progress.removal).await?);
                    let contact = (kind == Kind::Contacts)
                        .then(|| progress.removal.removed.contacts.last())
                        .flatten()
                        .map(|c| (display_name(c), c.company.clone()));
                    let gone = contact
                        .as_ref()
                        .map(|(name, company)| Gone { name, company });
                    for field in referrers_of(kind) {
                        with_kind!(field.from, |F| {
                            detach::<F>(tx, field, kind, &id, gone, now, &mut progress).await?
                        });
                    }
                }
                touch_activity(tx, now).await?;
                Ok(progress.removal)
            })
            .await?;
        self.announce(&stores);
        Ok(removal)
    }

    /// Puts back what a [`Database::remove`] changed, exactly as it was, in one
    /// transaction. A record saved again elsewhere since (another tab) is kept as it is now
    /// and counted in [`UndoReport::kept`]; nothing newer is overwritten. Refused
    /// ([`StorageError::Refused`]) when a record would come back pointing at one that is
    /// gone meanwhile (a timeline entry of a contact merged into another since).
    pub async fn undo_removal(
        &self,
        removal: &Removal,
        now: DateTime<Utc>,
    ) -> Result<UndoReport, StorageError> {
        let w = writer().await?;
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, Durability::Default)?;
        let report = tx
            .run(async |tx: &Tx| {
                let mut report = UndoReport::default();
                let mut put = Dataset::default();
                for_each_kind!(removal.removed, |records: R| {
                    let store = tx.store(R::KIND.key())?;
                    for r in records {
                        if idb::has_key(&store, &r.meta().id.as_str().into()).await? {
                            report.kept += 1;
                        } else {
                            R::list_mut(&mut put).push(r.clone());
                        }
                    }
                });
                for_each_kind!(removal.detached, |records: R| {
                    let store = tx.store(R::KIND.key())?;
                    for before in records {
                        let id = &before.meta().id;
                        let expected = removal.detached_at.get(&(R::KIND, id.clone()));
                        let coming = R::list_mut(&mut put)
                            .iter()
                            .position(|r| r.meta().id == *id);
                        let current = match coming {
                            Some(i) => Some(R::list(&put)[i].meta().revision),
                            None => match idb::get(&store, &id.as_str().into()).await? {
                                Some(row) => Some(from_row::<R>(&row)?.meta().revision),
                                None => None,
                            },
                        };
                        if current.is_none() || current != expected.copied() {
                            report.kept += 1;
                            continue;
                        }
                        match coming {
                            Some(i) => R::list_mut(&mut put)[i] = before.clone(),
                            None => R::list_mut(&mut put).push(before.clone()),
                        }
                    }
                });
                (w.guard)(tx, &put, true).await?;
                let mut written = ImportReport::default();
                (w.put_dataset)(tx, &put, &mut written).await?;
                report.restored = written.written.values().sum();
                touch_activity(tx, now).await?;
                Ok(report)
            })
            .await?;
        self.announce(&stores);
        Ok(report)
    }

    /// Merges the duplicate `absorbed` into `kept`, in one transaction: saves `kept` (as
    /// loaded, so a change from another tab is a conflict), points every record that
    /// referred to `absorbed` at `kept`, and deletes `absorbed`. Nothing is lost: all
    /// interactions, follow-ups, photos, plans and messages stay, now with `kept`.
    pub async fn merge_contacts(
        &self,
        mut kept: Contact,
        absorbed: &str,
        now: DateTime<Utc>,
    ) -> Result<Contact, SaveError<Contact>> {
        let w = writer().await.map_err(SaveError::Storage)?;
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, Durability::Default)?;
        let conflict: RefCell<Option<Option<Box<Contact>>>> = RefCell::new(None);
        let target = kept.meta.id.clone();
        let merged = tx
            .run(async |tx: &Tx| {
                let contacts = tx.store("contacts")?;
                if kept.meta.revision == 0 {
                    *conflict.borrow_mut() = Some(None);
                    return Err(StorageError::Aborted);
                }
                check_revision(&contacts, &kept, &conflict).await?;
                if target == absorbed || !idb::has_key(&contacts, &absorbed.into()).await? {
                    return Err(StorageError::NotFound);
                }
                for field in referrers_of(Kind::Contacts) {
                    with_kind!(field.from, |F| {
                        repoint::<F>(tx, field, absorbed, &target, now).await?
                    });
                }
                if kept.introduced_by.as_deref() == Some(absorbed) {
                    kept.introduced_by = None;
                }
                stamp(&mut kept.meta, now);
                let checked = Dataset {
                    contacts: vec![kept.clone()],
                    ..Dataset::default()
                };
                tx.delete(&contacts, &absorbed.into())?;
                (w.guard)(tx, &checked, true).await?;
                tx.put_sealed(&contacts, &row_of(tx, &kept)?).await?;
                touch_activity(tx, now).await?;
                Ok(kept)
            })
            .await;
        self.settle(merged, conflict, &stores)
    }
}

/// Deletes record `id` of kind `T`, keeping it in `removal`.
async fn take<T: Record>(tx: &Tx, id: &str, removal: &mut Removal) -> Result<(), StorageError> {
    let store = tx.store(T::KIND.key())?;
    if let Some(row) = idb::get(&store, &id.into()).await? {
        T::list_mut(&mut removal.removed).push(from_row(&row)?);
        tx.delete(&store, &id.into())?;
    }
    Ok(())
}

/// Applies the removal of `id` (of kind `target`) to the records of kind `F` whose `field`
/// refers to it: those that belong to it are queued for removal, those that mention it
/// lose the mention and are saved once more.
#[allow(clippy::too_many_arguments)]
async fn detach<F: Record>(
    tx: &Tx,
    field: &ReferenceField,
    target: Kind,
    id: &str,
    gone: Option<Gone<'_>>,
    now: DateTime<Utc>,
    progress: &mut Progress,
) -> Result<(), StorageError> {
    let store = tx.store(F::KIND.key())?;
    for mut record in records_by::<F>(tx, field.index, id).await? {
        let rid = record.meta().id.clone();
        if progress.gone.contains(&(F::KIND, rid.clone())) {
            continue;
        }
        let before = record.clone();
        match on_removal(&mut record, target, id, gone) {
            Effect::Untouched => {}
            Effect::Removed => {
                progress.gone.insert((F::KIND, rid.clone()));
                progress.queue.push((F::KIND, rid));
            }
            Effect::Detached => {
                let detached = F::list_mut(&mut progress.removal.detached);
                if !detached.iter().any(|r| r.meta().id == rid) {
                    detached.push(before);
                }
                stamp(record.meta_mut(), now);
                progress
                    .removal
                    .detached_at
                    .insert((F::KIND, rid), record.meta().revision);
                tx.put_sealed(&store, &row_of(tx, &record)?).await?;
            }
        }
    }
    Ok(())
}

/// Points the records of kind `F` whose `field` names contact `from` at contact `to`.
async fn repoint<F: Record>(
    tx: &Tx,
    field: &ReferenceField,
    from: &str,
    to: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let store = tx.store(F::KIND.key())?;
    for mut record in records_by::<F>(tx, field.index, from).await? {
        let rid = record.meta().id.clone();
        // The two contacts themselves are written by the merge.
        if F::KIND == Kind::Contacts && (rid == from || rid == to) {
            continue;
        }
        let mut changed = false;
        for r in record.references_mut() {
            if r.target != Kind::Contacts || r.field != field.field || r.id() != Some(from) {
                continue;
            }
            match r.slot {
                Slot::Required(slot) => *slot = to.to_string(),
                Slot::Optional(slot) => *slot = Some(to.to_string()),
            }
            changed = true;
        }
        if changed {
            stamp(record.meta_mut(), now);
            tx.put_sealed(&store, &row_of(tx, &record)?).await?;
        }
    }
    Ok(())
}
