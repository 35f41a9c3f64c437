package handlers

// Exported for the external test package.
var CSVCellForTest = csvCell
