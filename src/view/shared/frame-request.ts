// Many results can land between two frames (replicates stream in from the workers); drawing once per
// animation frame, whatever the number of requests, keeps the page responsive.
export function oncePerFrame(render: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      render();
    });
  };
}
