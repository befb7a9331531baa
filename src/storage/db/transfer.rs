//! Moving everything at once: import (merge or replace), export, the import preview's
//! stamps, wiping, and the benchmark's bulk insert.

use chrono::{DateTime, Utc};

use super::rows::{read_dataset, read_stamps, touch_activity};
use super::write::writer;
use super::{Database, ImportReport};
use crate::domain::backup::{merge_selection, Dataset, ImportMode, Stamps};
use crate::domain::profile::PROFILE_ID;
use crate::storage::idb::{self, Durability, Tx};
use crate::storage::schema::{self, META_STORE};
use crate::storage::StorageError;

impl Database {
    /// Imports a checked backup: *merge* adds new records and takes newer ones (decided
    /// inside the transaction, against what is stored at that moment); *replace* deletes
    /// everything first. All or nothing, with strict durability; the records written are
    /// checked as every write is.
    pub async fn import(
        &self,
        data: &Dataset,
        mode: ImportMode,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, StorageError> {
        match mode {
            ImportMode::Replace => self.write(data, true, now, Durability::Strict).await,
            ImportMode::Merge => {
                let w = writer().await?;
                let stores = schema::all_stores();
                let tx = self.tx(&stores, true, Durability::Strict)?;
                let report = tx
                    .run(async |tx: &Tx| {
                        let stamps = read_stamps(tx).await?;
                        let chosen = merge_selection(data, &stamps);
                        (w.guard)(tx, &chosen, true).await?;
                        let mut report = ImportReport::default();
                        (w.put_dataset)(tx, &chosen, &mut report).await?;
                        if report.written.values().any(|n| *n > 0) {
                            touch_activity(tx, now).await?;
                        }
                        Ok(report)
                    })
                    .await?;
                self.announce(&stores);
                Ok(report)
            }
        }
    }

    /// Ids and updated times of everything stored, for an import preview.
    pub async fn stamps(&self) -> Result<Stamps, StorageError> {
        let tx = self.tx(&schema::all_stores(), false, Durability::Default)?;
        tx.run(async |tx: &Tx| read_stamps(tx).await).await
    }

    /// Everything stored, read in one transaction so the copy is consistent.
    pub async fn export(&self) -> Result<Dataset, StorageError> {
        let tx = self.tx(&schema::all_stores(), false, Durability::Default)?;
        tx.run(async |tx: &Tx| read_dataset(tx).await).await
    }

    /// Deletes everything: every record, the profile and the backup activity. The
    /// protection stays as it is: the passphrase guards what the user enters next.
    pub async fn wipe(&self) -> Result<(), StorageError> {
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, Durability::Strict)?;
        tx.run(async |tx: &Tx| {
            for name in &stores {
                let store = tx.store(name)?;
                if *name == META_STORE {
                    tx.delete(&store, &PROFILE_ID.into())?;
                    tx.delete(&store, &crate::storage::schema::ACTIVITY_ID.into())?;
                } else {
                    tx.clear(&store)?;
                }
            }
            Ok(())
        })
        .await?;
        self.announce(&stores);
        Ok(())
    }

    /// Writes `data` into empty stores the fastest way: for the benchmark and tests.
    pub async fn bulk_insert(
        &self,
        data: &Dataset,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.write(data, false, now, Durability::Default)
            .await
            .map(|_| ())
    }

    /// Writes every record of `data` as it is (ids, revisions and times kept), after
    /// clearing everything first if `replace`. One transaction: all or nothing.
    async fn write(
        &self,
        data: &Dataset,
        replace: bool,
        now: DateTime<Utc>,
        durability: Durability,
    ) -> Result<ImportReport, StorageError> {
        let w = writer().await?;
        let stores = schema::all_stores();
        let tx = self.tx(&stores, true, durability)?;
        let report = tx
            .run(async |tx: &Tx| {
                (w.guard)(tx, data, !replace).await?;
                let mut report = ImportReport::default();
                if replace {
                    for name in &stores {
                        let store = tx.store(name)?;
                        if *name == META_STORE {
                            tx.delete(&store, &PROFILE_ID.into())?;
                        } else {
                            report.removed += idb::count(&store).await? as usize;
                            tx.clear(&store)?;
                        }
                    }
                }
                (w.put_dataset)(tx, data, &mut report).await?;
                touch_activity(tx, now).await?;
                Ok(report)
            })
            .await?;
        self.announce(&stores);
        Ok(report)
    }
}
