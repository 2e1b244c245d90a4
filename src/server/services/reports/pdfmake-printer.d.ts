// pdfmake's Node printer, imported by path (the package's main entry is the
// browser build); typed as @types/pdfmake's PdfPrinter.
declare module "pdfmake/src/printer.js" {
  import PdfPrinter = require("pdfmake");
  export default PdfPrinter;
}
