//! `EnsureFederation`: require that the federation decided, on a given track.

use crate::{Origin, TrackId};
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get};

/// Succeeds only for [`Origin::Federation`] with the track `Track` names, i.e. for a
/// call enacted by an approved proposal on that track. Yields the track id.
pub struct EnsureFederation<Track>(PhantomData<Track>);

impl<O, Track> EnsureOrigin<O> for EnsureFederation<Track>
where
	O: Into<Result<Origin, O>> + From<Origin>,
	Track: Get<TrackId>,
{
	type Success = TrackId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		match o.into() {
			Ok(Origin::Federation { track }) if track == Track::get() => Ok(track),
			Ok(other) => Err(O::from(other)),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Federation { track: Track::get() }))
	}
}
