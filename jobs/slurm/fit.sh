#!/bin/bash
# Submits a whole tierwave fit (history matching) as a chain of Slurm jobs: per wave an array of
# SHARDS tasks, then a merge, each starting only after the one before succeeded
# (--dependency=afterok). Prints the job ids; when the last merge has finished, OUT/waves.csv is there.
#
#   jobs/slurm/fit.sh experiments/calibrate-article.json runs/fit 3 4 [tierwave options]
#
# Extra sbatch options (partition, account, time) come from SBATCH_* variables, as sbatch reads them.
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 EXPERIMENT.json OUT WAVES SHARDS [tierwave options]" >&2
  exit 2
fi
experiment=$1
out=$2
waves=$3
shards=$4
shift 4
here=$(dirname "$0")
after=()
for ((wave = 1; wave <= waves; wave++)); do
  array=$(sbatch --parsable "${after[@]}" --array=0-$((shards - 1)) "$here/fit-wave.sbatch" "$experiment" "$out" "$wave" "$@")
  merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" "$here/fit-merge.sbatch" "$experiment" "$out" "$wave" "$@")
  echo "wave $wave: array ${array%%;*}, merge ${merge%%;*}"
  after=(--dependency=afterok:"${merge%%;*}")
done
