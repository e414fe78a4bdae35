// Package outdir writes a command's output files into a folder the user
// named, without ever losing a file fyp did not write.
//
// # What is fyp's
//
// Every folder fyp writes holds a manifest, .fyp-manifest.json, listing
// each file fyp wrote there: its path, the command that wrote it (run,
// report, charts), its size and SHA-256, and when. A file is fyp's only if
// it is listed and still has the listed size and hash; anything else in the
// folder — a file the user added, a subfolder, a file fyp wrote that the
// user has since edited — is the user's, and fyp neither overwrites nor
// deletes it, with or without --force. A later write
//
//   - replaces the files it writes again, if they are fyp's;
//   - removes a file the same command wrote last time and not this time,
//     if it is still fyp's (a report without --observed drops review.csv);
//   - keeps the files of other commands (run then report into one folder:
//     the files both write move to the later one, the rest stay and are
//     named in a note);
//   - refuses, naming them, if a file it would write exists and is not
//     fyp's (Error; the command exits 2 and nothing is written).
//
// A folder without a manifest but with files in it is foreign: fyp writes
// there only with Force, and then only beside the files already there.
// Folders written by fyp before the manifest carry the marker .fyp-output
// instead: they count as fyp's with contents unknown, so the files the
// command writes are replaced, every other file is kept (fyp cannot tell
// which of them it wrote), and the marker gives way to a manifest.
//
// # No window without the folder
//
// The folder itself is never renamed or removed, so a link given as the
// folder stays a link and the user's files stay where they are. A write
// renders every file into a temporary folder inside the output folder
// (.fyp-tmp-PID-N), writes the new manifest there too, then renames the
// files into place one by one — each rename replaces one file atomically —
// then removes its own stale files, and renames the manifest into place
// last. A failure or an interruption while rendering leaves the previous
// output as it was; a kill during the renames (milliseconds) leaves every
// file whole, old or new, and the next write recognises both versions
// through the pending manifest in the temporary folder it finds.
//
// # Interruptions and other writers
//
// Write watches its context while rendering and removes its temporary
// folder when cancelled; Close lets main wait for that after SIGINT or
// SIGTERM. A write first locks the folder (flock on the folder itself, or
// a .fyp-lock file where flock is missing), waits a bounded time for
// another fyp writing there, and then removes the temporary folders of
// writers that died (their process is gone, or they are over an hour old).
// Only folders named .fyp-tmp-PID-N are ever taken for temporaries.
package outdir
