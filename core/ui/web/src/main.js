// Marks the page as started, so that a test can tell the shell's script ran.
document.documentElement.dataset.shell = 'placeholder';
