//! Layer 4, overviews: Vandaag and the dashboard, composed from the use-cases and services
//! below (the ladder's steps, the instalments that ask for something, the figures), and the
//! example business made through those use-cases.

mod dashboard;
mod example_business;
mod printing;
mod today;
