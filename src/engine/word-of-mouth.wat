;; The word-of-mouth step (day-phase1.ts, wordOfMouthProposals) compiled ahead of time: the same
;; arithmetic, draw for draw, so its results are identical to the TypeScript loop's; it runs at
;; full speed from the first day (no interpreter while the JIT warms up) and without the typed
;; arrays' bounds checks. Built into word-of-mouth-wasm.ts by `npm run wasm`.
;;
;; Memory (shared with every worker) holds, at addresses the caller passes: the sources (i32),
;; the ties' offsets and neighbors (u32), status (u8), the word-of-mouth slots (f32 pace and i32
;; due day, 8 bytes per agent), the source of each due day (i32), and two outputs of (i32, i32)
;; pairs: arrivals to queue (due day, friend) and conversions today (friend, source).
(module
  (import "env" "memory" (memory 1 65536 shared))
  ;; Math.log, so that every draw rounds exactly as in TypeScript.
  (import "env" "log" (func $log (param f64) (result f64)))

  ;; Pairs written to each output by the last call.
  (global $arrivals (export "arrivals") (mut i32) (i32.const 0))
  (global $today (export "today") (mut i32) (i32.const 0))
  ;; Where the row loads of $touchRows go, so that they are not dropped.
  (global $touched (mut i32) (i32.const 0))

  ;; random.ts: mix (lowbias32).
  (func $mix (param $h i32) (result i32)
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0x7feb352d)))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))))
    (local.set $h (i32.mul (local.get $h) (i32.const 0x846ca68b)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))

  ;; Loads the first and last entries of the rows of sources list[from .. to) together: each is a
  ;; random access into the largest array, and loads that do not depend on each other overlap
  ;; (a third off the time of this step at 10^6 agents) where one by one each waits for memory.
  (func $touchRows (param $list i32) (param $from i32) (param $to i32) (param $offsets i32) (param $neighbors i32)
    (local $sum i32) (local $row i32) (local $first i32) (local $after i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $row (i32.add (local.get $offsets)
          (i32.shl (i32.load (i32.add (local.get $list) (i32.shl (local.get $from) (i32.const 2)))) (i32.const 2))))
        (local.set $first (i32.load (local.get $row)))
        (local.set $after (i32.load offset=4 (local.get $row)))
        (if (i32.gt_u (local.get $after) (local.get $first))
          (then
            (local.set $sum (i32.xor (local.get $sum)
              (i32.xor
                (i32.load (i32.add (local.get $neighbors) (i32.shl (local.get $first) (i32.const 2))))
                (i32.load (i32.add (local.get $neighbors) (i32.shl (i32.sub (local.get $after) (i32.const 1)) (i32.const 2)))))))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (global.set $touched (i32.xor (global.get $touched) (local.get $sum))))

  ;; Tells the owned friends of sources list[0 .. count) in [lo, hi); stops early, before a source
  ;; whose row might not fit in what is left of `capacity` pairs per output. Returns the number
  ;; of sources done; the globals say how many pairs each output holds.
  (func (export "propose")
    (param $day i32) (param $last i32) (param $lo i32) (param $hi i32) (param $backward i32)
    (param $key i32) (param $list i32) (param $count i32)
    (param $offsets i32) (param $neighbors i32) (param $status i32) (param $slots i32) (param $sources i32)
    (param $arrivalsOut i32) (param $todayOut i32) (param $capacity i32)
    (result i32)
    (local $k i32) (local $source i32) (local $sourceKey i32) (local $first i32) (local $after i32)
    (local $e i32) (local $end i32) (local $step i32) (local $top i32) (local $mid i32)
    (local $friend i32) (local $slot i32) (local $pace f32) (local $when f64) (local $due i32)
    (local $current i32) (local $ac i32) (local $tc i32)
    (block $stop
      (loop $nextSource
        (br_if $stop (i32.ge_u (local.get $k) (local.get $count)))
        (if (i32.eqz (i32.and (local.get $k) (i32.const 255)))
          (then (call $touchRows (local.get $list) (local.get $k)
            (select (local.get $count) (i32.add (local.get $k) (i32.const 256)) (i32.lt_u (local.get $count) (i32.add (local.get $k) (i32.const 256))))
            (local.get $offsets) (local.get $neighbors))))
        (local.set $source (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $first (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $source) (i32.const 2)))))
        (local.set $after (i32.load offset=4 (i32.add (local.get $offsets) (i32.shl (local.get $source) (i32.const 2)))))
        ;; Room for the whole row in both outputs, or stop here.
        (br_if $stop
          (i32.gt_u
            (i32.sub (local.get $after) (local.get $first))
            (i32.sub (local.get $capacity)
              (select (local.get $ac) (local.get $tc) (i32.gt_u (local.get $ac) (local.get $tc))))))
        (local.set $sourceKey (i32.xor (local.get $key) (call $mix (local.get $source))))
        ;; The owned friends are a contiguous part of the sorted row: the tail for the last worker
        ;; (walked from the end), else from the first friend ≥ lo (bisected unless lo is 0).
        (if (local.get $backward)
          (then
            (local.set $e (i32.sub (local.get $after) (i32.const 1)))
            (local.set $end (i32.sub (local.get $first) (i32.const 1)))
            (local.set $step (i32.const -1)))
          (else
            (local.set $e (local.get $first))
            (local.set $end (local.get $after))
            (local.set $step (i32.const 1))
            (if (i32.gt_s (local.get $lo) (i32.const 0))
              (then
                (local.set $top (local.get $after))
                (block $found
                  (loop $bisect
                    (br_if $found (i32.ge_u (local.get $e) (local.get $top)))
                    (local.set $mid (i32.shr_u (i32.add (local.get $e) (local.get $top)) (i32.const 1)))
                    (if (i32.lt_u (i32.load (i32.add (local.get $neighbors) (i32.shl (local.get $mid) (i32.const 2)))) (local.get $lo))
                      (then (local.set $e (i32.add (local.get $mid) (i32.const 1))))
                      (else (local.set $top (local.get $mid))))
                    (br $bisect)))))))
        (block $rowDone
          (loop $nextFriend
            (br_if $rowDone (i32.eq (local.get $e) (local.get $end)))
            (local.set $friend (i32.load (i32.add (local.get $neighbors) (i32.shl (local.get $e) (i32.const 2)))))
            (br_if $rowDone (i32.ge_u (local.get $friend) (local.get $hi)))
            (br_if $rowDone (i32.lt_u (local.get $friend) (local.get $lo)))
            (block $skip
              ;; A customer (status 2) is told nothing.
              (br_if $skip (i32.eq (i32.load8_u (i32.add (local.get $status) (local.get $friend))) (i32.const 2)))
              (local.set $slot (i32.add (local.get $slots) (i32.shl (local.get $friend) (i32.const 3))))
              (local.set $pace (f32.load (local.get $slot)))
              (br_if $skip (f32.eq (local.get $pace) (f32.const 0)))
              ;; when = day + floor(ln U · pace), U = drawPairWith(sourceKey, friend).
              (local.set $when
                (f64.add
                  (f64.convert_i32_s (local.get $day))
                  (f64.floor
                    (f64.mul
                      (call $log
                        (f64.div
                          (f64.add
                            (f64.convert_i32_u
                              (call $mix (call $mix
                                (i32.xor (local.get $sourceKey)
                                  (i32.mul (i32.add (local.get $friend) (i32.const 0x9e3779b9)) (i32.const 0x85ebca6b))))))
                            (f64.const 0.5))
                          (f64.const 4294967296)))
                      (f64.promote_f32 (local.get $pace))))))
              ;; Past the run (or not a number): nothing.
              (br_if $skip (i32.eqz (f64.le (local.get $when) (f64.convert_i32_s (local.get $last)))))
              (local.set $due (i32.trunc_f64_s (local.get $when)))
              (if (i32.eq (local.get $due) (local.get $day))
                (then
                  (i32.store (i32.add (local.get $todayOut) (i32.shl (local.get $tc) (i32.const 3))) (local.get $friend))
                  (i32.store offset=4 (i32.add (local.get $todayOut) (i32.shl (local.get $tc) (i32.const 3))) (local.get $source))
                  (local.set $tc (i32.add (local.get $tc) (i32.const 1)))
                  (br $skip)))
              ;; The earliest proposal wins; on the same day, the smaller source.
              (local.set $current (i32.load offset=4 (local.get $slot)))
              (if (if (result i32) (i32.lt_s (local.get $due) (local.get $current))
                    (then (i32.const 1))
                    (else
                      (if (result i32) (i32.eq (local.get $due) (local.get $current))
                        (then (i32.lt_s (local.get $source) (i32.load (i32.add (local.get $sources) (i32.shl (local.get $friend) (i32.const 2))))))
                        (else (i32.const 0)))))
                (then
                  (i32.store offset=4 (local.get $slot) (local.get $due))
                  (i32.store (i32.add (local.get $sources) (i32.shl (local.get $friend) (i32.const 2))) (local.get $source))
                  (if (i32.ne (local.get $due) (local.get $current))
                    (then
                      (i32.store (i32.add (local.get $arrivalsOut) (i32.shl (local.get $ac) (i32.const 3))) (local.get $due))
                      (i32.store offset=4 (i32.add (local.get $arrivalsOut) (i32.shl (local.get $ac) (i32.const 3))) (local.get $friend))
                      (local.set $ac (i32.add (local.get $ac) (i32.const 1))))))))
            (local.set $e (i32.add (local.get $e) (local.get $step)))
            (br $nextFriend)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $nextSource)))
    (global.set $arrivals (local.get $ac))
    (global.set $today (local.get $tc))
    (local.get $k))
)
