package outdir

// Precheck refuses, before a command does its work, a folder that Write
// would refuse whatever files it were given: no folder named, the root, a
// file, a link to nowhere, a damaged manifest, or (without Force) a folder
// that holds files fyp did not write. It writes and locks nothing; Write
// checks again, since the folder may change meanwhile, and also refuses a
// file in the way of one it writes.
func Precheck(dir string, opt Options) error {
	real, err := resolve(dir)
	if err != nil || real == "" {
		return err
	}
	w := &writer{dir: dir, real: real, opt: opt}
	inv, err := w.inventory(nil)
	if err != nil {
		return err
	}
	return w.check(nil, inv)
}
