//! Code that arrives in its own wasm chunk on first use (issue 12).
//!
//! The release build is split (`make release`, feature `split`): each [`split_point!`]
//! becomes a function whose body lives in the chunk of its group, fetched the first time
//! it is called. Every other build (`make serve`, the wasm tests, `cargo test`) compiles
//! the same functions as plain async functions, because an unsplit wasm with split points
//! does not load at all (its imports name a placeholder module).

pub use leptos::wasm_split::SplitLoaderError;

/// Declares `async fn $name() -> Result<$ty, SplitLoaderError>` whose body goes to the
/// chunk `$group`. Functions of one group share a chunk; code two groups use lands in a
/// shared chunk that loads with the first of them.
macro_rules! split_point {
    ($group:ident, $(#[$attr:meta])* $vis:vis fn $name:ident() -> $ty:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $group,
            wasm_split_path = ::leptos::wasm_split,
            fallible
        )]
        $(#[$attr])*
        $vis fn $name() -> Result<$ty, $crate::split::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        $vis async fn $name() -> Result<$ty, $crate::split::SplitLoaderError> {
            Ok($body)
        }
    };
}
pub(crate) use split_point;
