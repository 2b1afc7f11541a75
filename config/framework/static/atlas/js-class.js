// Loaded in <head>, before the first paint: says that scripts run, so that the figures a script draws
// into show from the start at their final size (the views' CSS, under .js); without it the tables are
// the views. A file, not inline code: the pages load no inline script.
document.documentElement.classList.add("js");
